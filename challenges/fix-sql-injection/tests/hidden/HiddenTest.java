import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Hidden tests for the fix-sql-injection challenge (Java). */
class HiddenTest {
    // Users as JDK values (id, name, email, role): assertions compare these, never candidate objects.
    static final List<Object> ALICE = user(1, "Alice Smith", "alice@example.com", "admin");
    static final List<Object> BOB = user(2, "Bob Brown", "bob@example.com", "member");
    static final List<Object> CAROL = user(3, "carol_jones", "carol@example.com", "member");
    static final List<Object> SALE = user(4, "Sale 100% off", "promo@example.com", "member");
    static final List<List<Object>> EVERYONE = List.of(ALICE, BOB, CAROL, SALE);
    static final List<String> HASHES = List.of("h-alice", "h-bob", "h-carol", "h-promo");

    static List<Object> user(long id, String name, String email, String role) {
        return List.of(id, name, email, role);
    }

    static List<Object> renamed(List<Object> user, String name) {
        return user((Long) user.get(0), name, (String) user.get(2), (String) user.get(3));
    }

    /** A returned user as JDK values. */
    static List<Object> row(UserDirectory.User user) {
        return user((long) user.id(), String.valueOf(user.name()), String.valueOf(user.email()),
                String.valueOf(user.role()));
    }

    static List<List<Object>> rows(List<UserDirectory.User> users) {
        List<List<Object>> result = new ArrayList<>();
        for (UserDirectory.User user : users) {
            result.add(row(user));
        }
        return result;
    }

    /** A returned Optional user as JDK values, or null when empty. */
    static List<Object> one(Optional<UserDirectory.User> found) {
        return found.isPresent() ? row(found.get()) : null;
    }

    static List<Long> ids(List<UserDirectory.User> users) {
        List<Long> result = new ArrayList<>();
        for (UserDirectory.User user : users) {
            result.add(user.id());
        }
        return result;
    }

    static UserDirectory seeded() {
        UserDirectory users = new UserDirectory();
        for (int i = 0; i < EVERYONE.size(); i++) {
            List<Object> u = EVERYONE.get(i);
            assertEquals((long) u.get(0), users.addUser((String) u.get(1), (String) u.get(2), HASHES.get(i),
                    (String) u.get(3)));
        }
        return users;
    }

    /** Every user as stored, read through the public API. */
    static List<List<Object>> snapshot(UserDirectory users) {
        return rows(users.search("", "id", "asc", 100));
    }

    static void assertUntouched(UserDirectory users) {
        assertEquals(EVERYONE, snapshot(users));
        for (int i = 0; i < EVERYONE.size(); i++) {
            List<Object> u = EVERYONE.get(i);
            assertEquals(u, one(users.login((String) u.get(2), HASHES.get(i))));
        }
    }

    @Test
    void normalBehaviour() {
        UserDirectory users = seeded();
        assertEquals(BOB, one(users.getUser(2)));
        assertEquals(null, one(users.getUser(99)));
        assertEquals(ALICE, one(users.login("alice@example.com", "h-alice")));
        assertEquals(null, one(users.login("alice@example.com", "h-bob")));
        assertEquals(null, one(users.login("ALICE@example.com", "h-alice")));   // exact email match
        assertEquals(List.of(ALICE), rows(users.search("SMITH")));
        assertEquals(List.of(ALICE, BOB, SALE, CAROL), rows(users.search("")));  // "Sale..." < "carol_jones"
        assertTrue(users.renameUser(3, "Carol Jones"));
        assertEquals(renamed(CAROL, "Carol Jones"), one(users.getUser(3)));
        assertEquals(List.of(ALICE, BOB, renamed(CAROL, "Carol Jones"), SALE), rows(users.search("")));
        assertFalse(users.renameUser(42, "Nobody"));
        assertEquals(5L, users.addUser("Dave", "dave@example.com", "h-dave"));
    }

    @Test
    void specialCharactersRoundTrip() {
        UserDirectory users = new UserDirectory();
        List<String> names = List.of(
                "Bob O'Brien",
                "The \"Quoted\" One",
                "'; DROP TABLE users; --",
                "Robert'); DELETE FROM users WHERE ('1'='1",
                "back\\slash \\' end",
                "semi;colon -- not a comment /* nor this */",
                "Zoë Ünïcødé 名前");
        for (int i = 1; i <= names.size(); i++) {
            assertEquals((long) i, users.addUser(names.get(i - 1), "o'user" + i + "@example.com", "hash'" + i,
                    "role'" + i));
        }
        for (int i = 1; i <= names.size(); i++) {
            List<Object> expected = user(i, names.get(i - 1), "o'user" + i + "@example.com", "role'" + i);
            assertEquals(expected, one(users.getUser(i)));
            assertEquals(expected, one(users.login("o'user" + i + "@example.com", "hash'" + i)));
            assertEquals(List.of(expected), rows(users.search(names.get(i - 1))));
        }
        assertEquals(names.size(), snapshot(users).size());
    }

    @Test
    void loginBypassPayloadsFail() {
        UserDirectory users = seeded();
        String[][] payloads = {
            {"alice@example.com' --", "wrong"},
            {"alice@example.com'/*", "*/ OR '1'='1"},
            {"' OR '1'='1", "' OR '1'='1"},
            {"alice@example.com", "' OR '1'='1"},
            {"alice@example.com", "x' OR 1=1 --"},
            {"' OR 1=1 --", ""},
            {"nobody@example.com' OR role = 'admin' --", "x"},
            {"\" OR \"\"=\"", "\" OR \"\"=\""},
        };
        for (String[] payload : payloads) {
            assertEquals(null, one(users.login(payload[0], payload[1])), Arrays.toString(payload));
        }
        assertUntouched(users);
    }

    @Test
    void unionSelectLeaksNothing() {
        UserDirectory users = seeded();
        assertEquals(List.of(), rows(users.search("zzz%' UNION SELECT id, password_hash, email, role FROM users --")));
        assertEquals(List.of(), rows(users.search("' UNION SELECT 1, sqlite_version(), 3, 4 --")));
        assertEquals(List.of(), rows(users.search("x') UNION SELECT id, password_hash, email, role FROM users --")));
        assertEquals(null, one(users.login("x' UNION SELECT id, password_hash, email, role FROM users --", "x")));
        assertEquals(null, one(users.login("x", "x' UNION SELECT id, password_hash, email, role FROM users --")));
        // The leaked columns must not appear anywhere in ordinary results either.
        for (List<Object> u : snapshot(users)) {
            for (Object value : u) {
                assertFalse(String.valueOf(value).startsWith("h-"), String.valueOf(u));
            }
        }
    }

    @Test
    void destructivePayloadsChangeNothing() {
        UserDirectory users = seeded();
        String drop = "'; DROP TABLE users; --";
        String delete = "x' OR 1=1; DELETE FROM users; --";
        for (String payload : List.of(drop, delete, "x'); UPDATE users SET role = 'admin'; --")) {
            assertEquals(List.of(), rows(users.search(payload)));
            assertEquals(null, one(users.login(payload, payload)));
            assertFalse(users.renameUser(99, payload));
        }
        assertUntouched(users);
        // Stored as a name, the payload is just a name.
        assertEquals(5L, users.addUser(drop, "mallory@example.com", drop, drop));
        List<Object> mallory = user(5, drop, "mallory@example.com", drop);
        assertEquals(mallory, one(users.getUser(5)));
        assertEquals(List.of(mallory), rows(users.search("DROP TABLE")));
        assertEquals(mallory, one(users.login("mallory@example.com", drop)));
        List<List<Object>> all = new ArrayList<>(EVERYONE);
        all.add(mallory);
        assertEquals(all, snapshot(users));
    }

    @Test
    void renameCannotEscalateOrTouchOtherRows() {
        UserDirectory users = seeded();
        List<String> payloads = List.of(
                "x', role = 'admin",
                "x', role = 'admin' WHERE 1=1 --",
                "x' --",
                "x', email = 'alice@example.com",
                "x', password_hash = 'h-alice");
        for (String payload : payloads) {
            assertTrue(users.renameUser(2, payload), payload);
            assertEquals(renamed(BOB, payload), one(users.getUser(2)));
            assertEquals(renamed(BOB, payload), one(users.login("bob@example.com", "h-bob")));
            List<List<Object>> others = new ArrayList<>(snapshot(users));
            others.removeIf(u -> u.get(0).equals(2L));
            assertEquals(List.of(ALICE, CAROL, SALE), others);
        }
    }

    @Test
    void unknownIdsMatchNothing() {
        UserDirectory users = seeded();
        for (long id : new long[] {0, -1, 5, 99, Long.MAX_VALUE, Long.MIN_VALUE}) {
            assertEquals(null, one(users.getUser(id)), String.valueOf(id));
            assertFalse(users.renameUser(id, "Pwned"), String.valueOf(id));
        }
        assertUntouched(users);
    }

    @Test
    void likeWildcardsAreLiteral() {
        UserDirectory users = new UserDirectory();
        List<String> names = List.of("100% cotton", "1000 cotton", "snake_case", "snakeXcase", "back\\slash",
                "backslash", "50%_off", "50% off", "Percent%Sign", "under__score");
        for (int i = 1; i <= names.size(); i++) {
            users.addUser(names.get(i - 1), "u" + i + "@example.com", "h");
        }
        Function<String, List<String>> found = term -> {
            List<String> result = new ArrayList<>();
            for (List<Object> u : rows(users.search(term, "name", "asc", 100))) {
                result.add((String) u.get(1));
            }
            result.sort(Comparator.naturalOrder());
            return result;
        };
        assertEquals(sorted("100% cotton", "50%_off", "50% off", "Percent%Sign"), found.apply("%"));
        assertEquals(sorted("100% cotton", "50%_off", "50% off"), found.apply("0%"));
        assertEquals(sorted("snake_case", "50%_off", "under__score"), found.apply("_"));
        assertEquals(List.of("snake_case"), found.apply("e_c"));
        assertEquals(List.of("50%_off"), found.apply("%_"));
        assertEquals(List.of("under__score"), found.apply("__"));
        assertEquals(List.of("back\\slash"), found.apply("\\"));
        assertEquals(List.of("back\\slash"), found.apply("k\\s"));
        assertEquals(List.of(), found.apply("\\%"));
        assertEquals(List.of(), found.apply("%%"));
        assertEquals(List.of("Percent%Sign"), found.apply("PERCENT%sign"));
        assertEquals(sorted(names.toArray(new String[0])), found.apply(""));
    }

    static List<String> sorted(String... values) {
        List<String> result = new ArrayList<>(List.of(values));
        result.sort(Comparator.naturalOrder());
        return result;
    }

    @Test
    void sortColumnAllowList() {
        UserDirectory users = seeded();
        for (String column : List.of("id", "name", "email", "role")) {
            assertEquals(4, users.search("", column, "asc", 20).size(), column);
        }
        List<String> refused = Arrays.asList(
                "password_hash",
                "name; DROP TABLE users",
                "name DESC",
                "name --",
                "(CASE WHEN (SELECT substr(password_hash, 1, 1) FROM users WHERE id = 1) = 'h' "
                        + "THEN name ELSE email END)",
                "1",
                "rowid",
                "NAME",
                "",
                null);
        for (String sortBy : refused) {
            assertThrows(IllegalArgumentException.class, () -> users.search("", sortBy, "asc", 20), sortBy);
        }
        assertUntouched(users);
    }

    @Test
    void orderAndLimitValidation() {
        UserDirectory users = seeded();
        assertEquals(List.of(4L, 3L, 2L, 1L), ids(users.search("", "id", "DESC", 20)));
        assertEquals(List.of(1L, 2L, 3L, 4L), ids(users.search("", "id", "Asc", 20)));
        for (String order : Arrays.asList("desc; DROP TABLE users", "desc, (SELECT 1)", "up", "", null)) {
            assertThrows(IllegalArgumentException.class, () -> users.search("", "name", order, 20), order);
        }
        for (int limit : new int[] {0, -1, 101, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
            assertThrows(IllegalArgumentException.class, () -> users.search("", "name", "asc", limit),
                    String.valueOf(limit));
        }
        assertEquals(4, users.search("", "name", "asc", 100).size());
        assertEquals(List.of(1L), ids(users.search("", "id", "asc", 1)));
        assertUntouched(users);
    }

    @Test
    void sortingAndTieBreaks() {
        UserDirectory users = new UserDirectory();
        String[][] rows = {{"bob", "z@x", "member"}, {"Zed", "a@x", "admin"}, {"alice", "m@x", "member"},
            {"bob", "b@x", "admin"}, {"Bob", "c@x", "member"}};
        for (String[] row : rows) {
            users.addUser(row[0], row[1], "h", row[2]);
        }
        assertEquals(List.of(5L, 2L, 3L, 1L, 4L), ids(users.search("", "name", "asc", 20)));
        assertEquals(List.of(1L, 4L, 3L, 2L, 5L), ids(users.search("", "name", "desc", 20)));
        assertEquals(List.of(2L, 4L, 5L, 3L, 1L), ids(users.search("", "email", "asc", 20)));
        assertEquals(List.of(2L, 4L, 1L, 3L, 5L), ids(users.search("", "role", "asc", 20)));
        assertEquals(List.of(1L, 3L, 5L, 2L, 4L), ids(users.search("", "role", "desc", 20)));
        assertEquals(List.of(5L, 4L, 3L, 2L, 1L), ids(users.search("", "id", "desc", 20)));
        assertEquals(List.of(5L, 2L), ids(users.search("", "name", "asc", 2)));
    }

    @Test
    void duplicateEmailRejected() {
        UserDirectory users = seeded();
        assertThrows(IllegalArgumentException.class, () -> users.addUser("Alice Again", "alice@example.com", "h"));
        assertEquals(5L, users.addUser("Pat O'Neil", "pat.o'neil@example.com", "h-pat"));
        assertThrows(IllegalArgumentException.class, () -> users.addUser("Pat Again", "pat.o'neil@example.com", "h"));
        assertEquals(5, snapshot(users).size());
        assertEquals(6L, users.addUser("Pat Too", "PAT.O'NEIL@example.com", "h"));   // exact match only
    }

    @Test
    void largeDirectoryMatchesModel() {
        Random random = new Random(20240501);
        String alphabet = "abcXYZ_%\\' -;";
        UserDirectory users = new UserDirectory();
        List<List<Object>> model = new ArrayList<>();
        String[] roles = {"member", "admin", "auditor"};
        for (int i = 1; i <= 1500; i++) {
            String name = text(random, alphabet, 1 + random.nextInt(8));
            String role = roles[random.nextInt(roles.length)];
            List<Object> u = user(i, name, "user" + i + "'@example.com", role);
            assertEquals((long) i, users.addUser(name, (String) u.get(2), "h" + i, role));
            model.add(u);
        }
        List<String> columns = List.of("id", "name", "email", "role");
        for (int q = 0; q < 60; q++) {
            String term = text(random, alphabet, random.nextInt(3));
            String sortBy = columns.get(random.nextInt(4));
            String order = random.nextBoolean() ? "asc" : "desc";
            int limit = 1 + random.nextInt(100);
            List<List<Object>> expected = new ArrayList<>();
            for (List<Object> u : model) {
                if (fold((String) u.get(1)).contains(fold(term))) {
                    expected.add(u);
                }
            }
            int column = columns.indexOf(sortBy);
            Comparator<List<Object>> byColumn = column == 0
                    ? Comparator.comparing(u -> (Long) u.get(0))
                    : Comparator.comparing(u -> (String) u.get(column));
            if (order.equals("desc")) {
                byColumn = byColumn.reversed();
            }
            expected.sort(byColumn.thenComparing(u -> (Long) u.get(0)));
            expected = expected.subList(0, Math.min(limit, expected.size()));
            assertEquals(expected, rows(users.search(term, sortBy, order, limit)),
                    String.join(" ", "[" + term + "]", sortBy, order, String.valueOf(limit)));
        }
    }

    static String text(Random random, String alphabet, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /** ASCII letters to lower case, as SQLite's LIKE compares them. */
    static String fold(String text) {
        StringBuilder folded = new StringBuilder();
        for (char c : text.toCharArray()) {
            folded.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return folded.toString();
    }
}
