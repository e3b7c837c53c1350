#!/usr/bin/env bash
# The README's test command: the same preparation as the run command, then the whole test suite
# against a real Docker Engine, Redis and PostgreSQL.
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
ASSESSOR_STATE="${ASSESSOR_STATE:-$ROOT/instance/test}"
STATE="$ASSESSOR_STATE"
mkdir -p "$STATE"
prepare postgresql chromium
source "$ROOT/scripts/postgres.sh"
start_postgres
cd "$ROOT"
say "running the tests"
pytest "$@"
# The whole suite runs on SQLite; everything that goes through the app's database (web, API,
# workers and their faults, the browser flows) runs once more on PostgreSQL, as production does.
# With arguments (a selection of tests), only that selection runs, on ASSESSOR_TEST_DATABASE.
if [ $# -eq 0 ]; then
  say "running the database-backed tests again on PostgreSQL"
  ASSESSOR_TEST_DATABASE=postgresql pytest -q tests/web tests/api tests/faults tests/browser \
    tests/hostile/test_through_worker.py
fi
