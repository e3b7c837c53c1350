import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * User directory backed by SQLite, safe against SQL injection.
 *
 * <p>Every value reaches SQLite as a bound parameter of a PreparedStatement. The only SQL fragments
 * that cannot be parameters (the ORDER BY column and direction) come from fixed allow-lists, never
 * from the caller's text.
 */
public final class UserDirectory {
    /** A user as the directory returns it: never with the password hash. */
    public record User(long id, String name, String email, String role) {
    }

    static final String SCHEMA = "CREATE TABLE users ("
            + " id            INTEGER PRIMARY KEY,"
            + " name          TEXT NOT NULL,"
            + " email         TEXT NOT NULL UNIQUE,"
            + " password_hash TEXT NOT NULL,"
            + " role          TEXT NOT NULL DEFAULT 'member')";
    static final String PUBLIC_COLUMNS = "id, name, email, role";

    // Caller-facing name -> SQL text. Only these strings are ever spliced into a query.
    private static final Map<String, String> SORT_COLUMNS = Map.of("id", "id", "name", "name", "email", "email",
            "role", "role");
    private static final Map<String, String> SORT_ORDERS = Map.of("asc", "ASC", "desc", "DESC");
    private static final int MAX_LIMIT = 100;
    private static final int SQLITE_CONSTRAINT = 19;

    private final Connection connection;

    /** A directory with a private in-memory database. */
    public UserDirectory() {
        try {
            connection = DriverManager.getConnection("jdbc:sqlite::memory:");
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate(SCHEMA);
            }
        } catch (SQLException error) {
            throw new IllegalStateException("cannot open the database", error);
        }
    }

    /** Inserts a member and returns its new id. */
    public long addUser(String name, String email, String passwordHash) {
        return addUser(name, email, passwordHash, "member");
    }

    /** Inserts a user and returns its new id; IllegalArgumentException if the email is already taken. */
    public synchronized long addUser(String name, String email, String passwordHash, String role) {
        String sql = "INSERT INTO users (name, email, password_hash, role) VALUES (?, ?, ?, ?)";
        try (PreparedStatement insert = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, name);
            insert.setString(2, email);
            insert.setString(3, passwordHash);
            insert.setString(4, role);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException error) {
            if (error.getErrorCode() == SQLITE_CONSTRAINT) {
                throw new IllegalArgumentException("email already registered: " + email);
            }
            throw new IllegalStateException(error);
        }
    }

    /** The user with this id, if any. */
    public synchronized Optional<User> getUser(long id) {
        return first(query("SELECT " + PUBLIC_COLUMNS + " FROM users WHERE id = ?", id));
    }

    /** Users whose name contains {@code term} literally, by name ascending, at most 20. */
    public List<User> search(String term) {
        return search(term, "name", "asc", 20);
    }

    /** Users whose name contains {@code term} literally (ASCII case-insensitive), sorted, at most {@code limit}. */
    public synchronized List<User> search(String term, String sortBy, String order, int limit) {
        String column = sortBy == null ? null : SORT_COLUMNS.get(sortBy);
        if (column == null) {
            throw new IllegalArgumentException("cannot sort by " + sortBy + "; allowed: id, name, email, role");
        }
        String direction = order == null ? null : SORT_ORDERS.get(order.toLowerCase(Locale.ROOT));
        if (direction == null) {
            throw new IllegalArgumentException("order must be asc or desc, not " + order);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be in 1.." + MAX_LIMIT + ", not " + limit);
        }
        if (term == null) {
            throw new NullPointerException("term");
        }
        return query("SELECT " + PUBLIC_COLUMNS + " FROM users WHERE name LIKE ? ESCAPE '\\' "
                + "ORDER BY " + column + " " + direction + ", id ASC LIMIT ?", likePattern(term), limit);
    }

    /** The user with exactly this email and password hash, if any. */
    public synchronized Optional<User> login(String email, String passwordHash) {
        return first(query("SELECT " + PUBLIC_COLUMNS + " FROM users WHERE email = ? AND password_hash = ?",
                email, passwordHash));
    }

    /** Changes a user's display name; true if the user exists. */
    public synchronized boolean renameUser(long id, String newName) {
        try (PreparedStatement update = connection.prepareStatement("UPDATE users SET name = ? WHERE id = ?")) {
            update.setString(1, newName);
            update.setLong(2, id);
            return update.executeUpdate() > 0;
        } catch (SQLException error) {
            throw new IllegalStateException(error);
        }
    }

    /** A LIKE pattern matching {@code term} literally anywhere in the value (escape character: backslash). */
    static String likePattern(String term) {
        String escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    private List<User> query(String sql, Object... parameters) {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            List<User> users = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    users.add(new User(rows.getLong("id"), rows.getString("name"), rows.getString("email"),
                            rows.getString("role")));
                }
            }
            return users;
        } catch (SQLException error) {
            throw new IllegalStateException(error);
        }
    }

    private static Optional<User> first(List<User> users) {
        return users.isEmpty() ? Optional.empty() : Optional.of(users.get(0));
    }
}
