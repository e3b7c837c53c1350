import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * User directory backed by SQLite (JDBC, through java.sql).
 *
 * <p>A security review found SQL injection in this class. Fix it without changing the public API
 * (see the statement). Only the JDK and the SQLite driver behind java.sql may be used.
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
    private static final int SQLITE_CONSTRAINT = 19;     // SQLException.getErrorCode() of a UNIQUE violation

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
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO users (name, email, password_hash, role) "
                    + "VALUES ('" + name + "', '" + email + "', '" + passwordHash + "', '" + role + "')");
            try (ResultSet keys = statement.executeQuery("SELECT last_insert_rowid()")) {
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
        return first(query("SELECT " + PUBLIC_COLUMNS + " FROM users WHERE id = " + id));
    }

    /** Users whose name contains {@code term}, by name ascending, at most 20. */
    public List<User> search(String term) {
        return search(term, "name", "asc", 20);
    }

    /** Users whose name contains {@code term} (ASCII case-insensitive), sorted, at most {@code limit}. */
    public synchronized List<User> search(String term, String sortBy, String order, int limit) {
        return query("SELECT " + PUBLIC_COLUMNS + " FROM users WHERE name LIKE '%" + term + "%' "
                + "ORDER BY " + sortBy + " " + order + ", id ASC LIMIT " + limit);
    }

    /** The user with exactly this email and password hash, if any. */
    public synchronized Optional<User> login(String email, String passwordHash) {
        return first(query("SELECT " + PUBLIC_COLUMNS + " FROM users "
                + "WHERE email = '" + email + "' AND password_hash = '" + passwordHash + "'"));
    }

    /** Changes a user's display name; true if the user exists. */
    public synchronized boolean renameUser(long id, String newName) {
        try (Statement statement = connection.createStatement()) {
            return statement.executeUpdate("UPDATE users SET name = '" + newName + "' WHERE id = " + id) > 0;
        } catch (SQLException error) {
            throw new IllegalStateException(error);
        }
    }

    private List<User> query(String sql) {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            List<User> users = new ArrayList<>();
            while (rows.next()) {
                users.add(new User(rows.getLong("id"), rows.getString("name"), rows.getString("email"),
                        rows.getString("role")));
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
