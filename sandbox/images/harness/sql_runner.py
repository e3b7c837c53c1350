"""Runs in its own process as the candidate's user: one SQL case, or the syntax check.

The harness (run_sql.py) starts it with a JSON request on stdin and reads one JSON answer on
stdout. It never sees an expected result: it builds the case's database in memory from the
challenge's data script, locks that database down, runs the candidate's statements in order and
reports what the last statement that returns rows returned (capped), with its query plan.

    request  {"mode": "case", "schema": "...", "data": "...", "sql": "...", "timeout_s": 2.0,
              "max_rows": 10000, "max_bytes": 262144, "heap_mb": 256}
             {"mode": "check", "sql": "..."}
    answer   {"columns": [...], "rows": [[...]], "rows_truncated": false, "error": "", "timed_out": false,
              "memory_limit": false, "plan": ["SEARCH o USING INDEX ..."], "scans": [...], "reads": [...]}
             {"statements": 2} or {"syntax_error": "...", "line": 3}
"""

import json
import math
import re
import sqlite3
import sys
import time

# Pragmas the candidate may use: they read the schema or change how queries behave, never files.
ALLOWED_PRAGMAS = {
    "table_info", "table_xinfo", "table_list", "index_info", "index_xinfo", "index_list",
    "foreign_key_list", "collation_list", "function_list", "module_list", "pragma_list",
    "case_sensitive_like", "foreign_keys", "recursive_triggers", "automatic_index",
}
DENIED_FUNCTIONS = {"load_extension"}
# How SQLite words an error it found while parsing, before it looked at any table.
SYNTAX_ERRORS = ("syntax error", "incomplete input", "unrecognized token")
PROGRESS_STEPS = 1000          # virtual-machine steps between two looks at the clock
MAX_VALUE_BYTES = 16 << 20     # longest string or blob a query may build (SQLITE_LIMIT_LENGTH)
# Statements whose plan matters: those that read tables to produce rows.
QUERY_WORDS = ("select", "with", "values")
INDEX_SCAN = re.compile(r"^SCAN .+? USING (?:COVERING )?INDEX (.+?)(?: LEFT-JOIN| RIGHT-JOIN)?$")


def split_statements(sql):
    """The statements of a script, each with the line it starts on; comment-only pieces are dropped."""
    pieces, start = [], 0
    for index, char in enumerate(sql):
        # A ';' ends a statement only where SQLite agrees (not inside a string, comment or trigger body).
        if char == ";" and sqlite3.complete_statement(sql[start:index + 1]):
            pieces.append((start, index + 1))
            start = index + 1
    pieces.append((start, len(sql)))
    statements = []
    for begin, end in pieces:
        text = sql[begin:end]
        offset = _first_word_offset(text)
        if offset is not None and text[offset] != ";":
            statements.append((text, 1 + sql.count("\n", 0, begin + offset)))
    return statements


def _first_word_offset(text):
    """Offset of the first character that is neither white space nor inside a comment."""
    index = 0
    while index < len(text):
        if text[index].isspace():
            index += 1
        elif text.startswith("--", index):
            end = text.find("\n", index)
            index = len(text) if end < 0 else end + 1
        elif text.startswith("/*", index):
            end = text.find("*/", index + 2)
            index = len(text) if end < 0 else end + 2
        else:
            return index
    return None


def leading_word(text):
    """The statement's first keyword, lower-cased ('' for white space and comments only)."""
    offset = _first_word_offset(text)
    if offset is None or text[offset] == ";":
        return ""
    word = ""
    for char in text[offset:offset + 20]:
        if not (char.isalnum() or char == "_"):
            break
        word += char
    return word.lower() or text[offset]


# ---------------------------------------------------------------- the syntax check


def check(request):
    """The first statement SQLite cannot parse, or how many statements there are."""
    statements = split_statements(str(request.get("sql", "")))
    if not statements:
        return {"syntax_error": "solution.sql contains no SQL statement", "line": None}
    connection = sqlite3.connect(":memory:", isolation_level=None)
    Guard(connection, frozenset()).install()
    for number, (text, line) in enumerate(statements, 1):
        # EXPLAIN only compiles the statement: nothing runs, whatever it says.
        compiled = text if leading_word(text) == "explain" else "EXPLAIN " + text
        try:
            connection.execute(compiled).fetchall()
        except (sqlite3.Error, sqlite3.Warning) as error:
            message = str(error)
            if any(words in message for words in SYNTAX_ERRORS):
                return {"syntax_error": f"statement {number} (line {line}): {message}", "line": line}
    return {"statements": len(statements)}


# ---------------------------------------------------------------- one case


class Guard:
    """What the candidate's SQL may do on a connection: no files, no extensions, a read-only data set."""

    def __init__(self, connection, data_tables):
        self.connection, self.data_tables = connection, data_tables
        self.refused = ""            # why the authorizer last said no, for a clear message
        self.deadline = None
        self.timed_out = False

    def install(self):
        """Close every door to the file system, then let the candidate's SQL in."""
        connection = self.connection
        if hasattr(connection, "enable_load_extension"):
            connection.enable_load_extension(False)
        connection.setlimit(sqlite3.SQLITE_LIMIT_ATTACHED, 0)
        connection.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
        connection.set_authorizer(self.authorize)
        connection.set_progress_handler(self.progress, PROGRESS_STEPS)

    def authorize(self, action, first, second, database, trigger):
        """SQLite's authorizer: called while each statement compiles."""
        reason = ""
        if action in (sqlite3.SQLITE_ATTACH, sqlite3.SQLITE_DETACH):
            reason = "ATTACH, DETACH and VACUUM are not allowed: your SQL cannot open files"
        elif action == sqlite3.SQLITE_PRAGMA and str(first).lower() not in ALLOWED_PRAGMAS:
            reason = f"PRAGMA {first} is not allowed (allowed: {', '.join(sorted(ALLOWED_PRAGMAS))})"
        elif action == sqlite3.SQLITE_FUNCTION and str(second).lower() in DENIED_FUNCTIONS:
            reason = f"{second}() is not allowed: your SQL cannot load extensions"
        elif self._writes_data_set(action, first, second, database):
            reason = (f"the data set's table {self._table_of(action, first, second)} is read-only "
                      "(create tables, views and indexes of your own instead)")
        if reason:
            self.refused = reason
            return sqlite3.SQLITE_DENY
        return sqlite3.SQLITE_OK

    def _writes_data_set(self, action, first, second, database):
        writes = (sqlite3.SQLITE_INSERT, sqlite3.SQLITE_UPDATE, sqlite3.SQLITE_DELETE, sqlite3.SQLITE_DROP_TABLE,
                  sqlite3.SQLITE_ALTER_TABLE)
        if action not in writes or (database not in (None, "main") and action != sqlite3.SQLITE_ALTER_TABLE):
            return False
        return str(self._table_of(action, first, second)).lower() in self.data_tables

    @staticmethod
    def _table_of(action, first, second):
        return second if action == sqlite3.SQLITE_ALTER_TABLE else first

    def progress(self):
        """SQLite's progress handler: a non-zero answer interrupts the running statement."""
        if self.deadline is not None and time.monotonic() > self.deadline:
            self.timed_out = True
            return 1
        return 0

    def explain(self, error):
        """An error's message, with the reason when the authorizer refused."""
        message = str(error)
        if ("not authorized" in message or "authorization denied" in message) and self.refused:
            return f"not allowed: {self.refused}"
        return message


def build_database(request):
    """The case's database in memory, from the challenge's trusted schema and data scripts."""
    connection = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    connection.text_factory = lambda raw: raw.decode("utf-8", "replace")
    connection.execute("PRAGMA temp_store = MEMORY")          # sorting spills to memory, never to files
    heap = int(request.get("heap_mb") or 256) << 20
    connection.execute(f"PRAGMA hard_heap_limit = {heap}")   # past it, an 'out of memory' error, not a kill
    for script in (request.get("schema") or "", request.get("data") or ""):
        connection.executescript(script)
    tables = connection.execute("SELECT lower(name) FROM sqlite_schema WHERE type = 'table'").fetchall()
    return connection, frozenset(name for (name,) in tables)


def run_case(request):
    """Run the candidate's statements on the case's database; the answer of the last query."""
    try:
        connection, data_tables = build_database(request)
    except sqlite3.Error as error:
        return {"data_error": f"the case's data script fails: {error}"}   # the challenge's fault, not the candidate's
    guard = Guard(connection, data_tables)
    guard.install()
    timeout_s = float(request.get("timeout_s") or 2.0)
    guard.deadline = time.monotonic() + timeout_s
    answer = {"columns": [], "rows": [], "rows_truncated": False, "error": "", "timed_out": False,
              "memory_limit": False, "plan": [], "scans": [], "reads": []}
    produced_rows = False
    for number, (text, line) in enumerate(split_statements(str(request.get("sql", ""))), 1):
        try:
            plan = query_plan(connection, text, data_tables) if leading_word(text) in QUERY_WORDS else None
            cursor = connection.execute(text)
            if cursor.description is None:
                cursor.fetchall()
                continue
            columns = [column[0] for column in cursor.description]
            rows, truncated = fetch(cursor, int(request.get("max_rows") or 10000),
                                    int(request.get("max_bytes") or 256 * 1024))
        except (sqlite3.Error, sqlite3.Warning, MemoryError) as error:
            memory = isinstance(error, MemoryError) or "out of memory" in str(error)
            if guard.timed_out:
                message = f"stopped: the SQL ran longer than {round(timeout_s, 1):g} s"
            elif memory:
                message = f"out of memory: the SQL needed more than {request.get('heap_mb')} MB"
            else:
                message = guard.explain(error)
            answer.update(error=f"statement {number} (line {line}): {message}", timed_out=guard.timed_out,
                          memory_limit=memory)
            return answer
        produced_rows = True
        answer.update(columns=columns, rows=rows, rows_truncated=truncated,
                      **(plan or {"plan": [], "scans": [], "reads": []}))
    if not produced_rows:
        answer["error"] = "no statement returned rows: end your SQL with the query (a SELECT)"
    return answer


def fetch(cursor, max_rows, max_bytes):
    """Up to max_rows rows as JSON-safe lists, within about max_bytes; and whether more were left."""
    rows, size = [], 0
    while True:
        batch = cursor.fetchmany(256)
        if not batch:
            return rows, False
        for row in batch:
            values = [json_value(value) for value in row]
            size += len(json.dumps(values))
            if len(rows) >= max_rows or size > max_bytes:
                return rows, True
            rows.append(values)


def json_value(value):
    """A value as JSON carries it: blobs as X'hex' (their SQL literal), non-finite floats as text."""
    if isinstance(value, bytes):
        return "X'" + value.hex().upper() + "'"
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    return value


def query_plan(connection, text, data_tables):
    """EXPLAIN QUERY PLAN's lines, the data-set tables the query reads, and those it reads in full.

    A full read is a walk over a table's own b-tree (SQLite's `SCAN orders`, also how it fills an
    automatic index), found in the program's bytecode so that aliases do not hide the table, or a walk
    over a whole index (`SCAN orders USING COVERING INDEX ...`), found in the plan's words.
    """
    try:
        plan = [detail for _id, _parent, _unused, detail in connection.execute("EXPLAIN QUERY PLAN " + text)]
        program = connection.execute("EXPLAIN " + text).fetchall()
        schema = connection.execute("SELECT rootpage, type, name, lower(tbl_name) FROM main.sqlite_schema "
                                    "WHERE type IN ('table', 'index')").fetchall()
    except sqlite3.Error:
        return None                 # the statement itself will raise the error when it runs
    btrees = {root: (kind, name, table) for root, kind, name, table in schema if table in data_tables}
    indexes = {name: table for kind, name, table in btrees.values() if kind == "index"}
    cursors, reads, scans = {}, set(), []
    backwards = {p1 for _address, opcode, p1, *_rest in program if opcode == "Prev"}
    for _address, opcode, p1, p2, p3, *_rest in program:
        if opcode == "OpenRead" and p3 == 0 and p2 in btrees:
            cursors[p1] = btrees[p2]
            reads.add(btrees[p2][2])
        elif p1 in cursors and cursors[p1][0] == "table" and (
                opcode in ("Rewind", "Count") or opcode == "Last" and p1 in backwards):   # max(id) reads one row
            scans.append({"table": cursors[p1][2], "index": None})
    for detail in plan:
        walked = INDEX_SCAN.match(detail)
        if walked and walked.group(1) in indexes:
            scans.append({"table": indexes[walked.group(1)], "index": walked.group(1)})
    return {"plan": plan, "reads": sorted(reads), "scans": scans}


def main():
    try:
        with open("/proc/self/oom_score_adj", "w") as adjust:
            adjust.write("1000")       # be the one the kernel stops when memory runs out, never the harness
    except OSError:
        pass
    request = json.loads(sys.stdin.buffer.read())
    answer = check(request) if request.get("mode") == "check" else run_case(request)
    sys.stdout.write(json.dumps(answer))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
