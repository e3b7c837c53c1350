package assessor.junit;

import java.io.File;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.security.AccessController;
import java.security.PrivilegedAction;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.security.Security;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Logger;

/**
 * SQLite for the candidate's code, through {@code java.sql} only: {@code
 * DriverManager.getConnection("jdbc:sqlite::memory:")} opens a private in-memory database.
 *
 * <p>Debian's driver (sqlite-jdbc.jar and its JNI library) is native code, and what SQLite does with
 * files is out of the security manager's sight. So the candidate never holds the driver itself:
 * <ul>
 * <li>the jar is on no class path: a class loader of its own, made here, defines it, so neither the
 *     candidate's classes nor the tests can name a class of it; its packages are also closed to the
 *     candidate's domain ({@code package.access}), so no class of it can be reflected on either;
 * <li>this driver, registered before the security manager, is the only one the candidate reaches:
 *     it opens {@code :memory:} and nothing else (no file, no URL options, no properties, so no
 *     loadable extensions), with ATTACH (and so VACUUM INTO) disabled by a zero limit;
 * <li>the connection, and every java.sql object obtained from it (statements, result sets,
 *     metadata), is a proxy: the driver's own {@code backup to}/{@code restore from} commands (they
 *     open files) are refused, {@code unwrap} yields only the proxy, and the driver's exceptions
 *     arrive as plain {@link SQLException}s (message, SQL state and SQLite's result code kept).
 * </ul>
 * The JNI library is loaded on the first connection, from Debian's JNI folder (found on
 * java.library.path and named through org.sqlite.lib.path/name, so nothing is extracted to /tmp),
 * inside doPrivileged: a fixed action of trusted code, whatever called it.
 */
@SuppressWarnings("removal")
final class Sqlite implements Driver {
    static final String JAR = "/usr/share/java/sqlite-jdbc.jar";
    private static final String NATIVE = System.mapLibraryName("sqlitejdbc");
    private static final String PREFIX = "jdbc:sqlite:";
    private static final Set<String> IN_MEMORY = Set.of(PREFIX, PREFIX + ":memory:");
    private static final Set<String> IGNORED_PROPERTIES = Set.of("user", "password");
    private static final int LIMIT_ATTACHED = 7;          // SQLITE_LIMIT_ATTACHED
    private static final int LIMIT_WORKER_THREADS = 11;   // SQLITE_LIMIT_WORKER_THREADS
    // Statement methods whose first argument is SQL text that the driver may take for a command.
    private static final Set<String> RUNS_SQL = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate", "addBatch");

    private static Sqlite installed;
    private final ClassLoader driverLoader;
    private Constructor<?> open;        // org.sqlite.jdbc4.JDBC4Connection(url, fileName, properties)
    private Method database;            // SQLiteConnection.getDatabase()
    private Method limit;               // core.DB.limit(id, value)
    private Method command;             // ExtendedCommand.parse(sql): non-null for backup/restore

    private Sqlite(ClassLoader driverLoader) {
        this.driverLoader = driverLoader;
    }

    /**
     * Registers the driver, if the image has Debian's; call it before the security manager is
     * installed. Cheap: the driver's classes and its native library load on the first connection.
     */
    static synchronized void install() throws Exception {
        File jar = new File(JAR);
        String libraryFolder = nativeFolder();
        if (installed != null || !jar.isFile() || libraryFolder == null) {
            return;
        }
        System.setProperty("org.sqlite.lib.path", libraryFolder);
        System.setProperty("org.sqlite.lib.name", NATIVE);
        String closed = Security.getProperty("package.access");
        Security.setProperty("package.access", (closed == null || closed.isEmpty() ? "" : closed + ",") + "org.sqlite.");
        ClassLoader loader = new URLClassLoader("sqlite-jdbc", new URL[] {jar.toURI().toURL()},
                ClassLoader.getPlatformClassLoader());
        installed = new Sqlite(loader);
        DriverManager.registerDriver(installed);
    }

    /** The folder of java.library.path holding Debian's JNI library, or null. */
    private static String nativeFolder() {
        for (String folder : System.getProperty("java.library.path", "").split(File.pathSeparator)) {
            if (!folder.isEmpty() && new File(folder, NATIVE).isFile()) {
                return folder;
            }
        }
        return null;
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        if (!IN_MEMORY.contains(url)) {
            throw new SQLException("only private in-memory SQLite databases are available here: use "
                    + "jdbc:sqlite::memory: (no file, no options)", "08001");
        }
        if (info != null) {
            for (String key : info.stringPropertyNames()) {
                if (!IGNORED_PROPERTIES.contains(key)) {
                    throw new SQLException("connection properties are not supported here (" + key
                            + "): use PRAGMA statements instead", "08001");
                }
            }
        }
        try {
            Object connection = AccessController.doPrivileged((PrivilegedExceptionAction<Object>) this::openMemory);
            return (Connection) wrap(connection, Connection.class);
        } catch (PrivilegedActionException error) {
            throw failure(error.getCause());
        }
    }

    /** A new private in-memory database without ATTACH; runs privileged (it may load the library). */
    private synchronized Object openMemory() throws Exception {
        if (open == null) {
            Class<?> connection = Class.forName("org.sqlite.jdbc4.JDBC4Connection", true, driverLoader);
            open = connection.getConstructor(String.class, String.class, Properties.class);
            database = Class.forName("org.sqlite.SQLiteConnection", true, driverLoader).getMethod("getDatabase");
            limit = Class.forName("org.sqlite.core.DB", true, driverLoader).getMethod("limit", int.class, int.class);
            command = Class.forName("org.sqlite.ExtendedCommand", true, driverLoader).getMethod("parse", String.class);
        }
        Object connection;
        try {
            connection = open.newInstance(PREFIX + ":memory:", ":memory:", new Properties());
        } catch (InvocationTargetException error) {
            throw (Exception) error.getCause();
        }
        Object db = database.invoke(connection);
        limit.invoke(db, LIMIT_ATTACHED, 0);
        limit.invoke(db, LIMIT_WORKER_THREADS, 0);
        return connection;
    }

    /** Refuses the driver's own commands (backup to FILE, restore from FILE) in SQL text. */
    private void refuseCommand(String sql) throws SQLException {
        Object parsed;
        try {
            parsed = command.invoke(null, sql);
        } catch (ReflectiveOperationException error) {
            parsed = error;
        }
        if (parsed != null) {
            throw new SQLException("the driver's backup/restore commands are not available here", "42000");
        }
    }

    /** A proxy of the java.sql interface {@code face} for one of the driver's objects. */
    private Object wrap(Object target, Class<?> face) {
        Membrane handler = new Membrane(target, face);
        Object proxy = AccessController.doPrivileged((PrivilegedAction<Object>) () ->
                Proxy.newProxyInstance(Sqlite.class.getClassLoader(), new Class<?>[] {face}, handler));
        handler.self = proxy;
        return proxy;
    }

    private boolean isDriverObject(Object value) {
        if (value == null) {
            return false;
        }
        Class<?> type = value.getClass();   // its loader is only visible to trusted code: ask privileged
        return AccessController.doPrivileged((PrivilegedAction<Boolean>) () -> type.getClassLoader() == driverLoader);
    }

    /** Opening failed: why, as an SQLException (or the unchecked error it was). */
    private SQLException failure(Throwable error) {
        Throwable shown = plain(error);
        if (shown instanceof RuntimeException) {
            throw (RuntimeException) shown;
        } else if (shown instanceof Error) {
            throw (Error) shown;
        }
        return shown instanceof SQLException ? (SQLException) shown : new SQLException(String.valueOf(shown));
    }

    /** What the caller may see of an error: the driver's own exception classes are not shown. */
    private Throwable plain(Throwable error) {
        if (error == null || (!isDriverObject(error) && !isDriverObject(error.getCause()))) {
            return error;
        }
        if (error instanceof SQLException) {
            SQLException sql = (SQLException) error;
            return new SQLException(sql.getMessage(), sql.getSQLState(), sql.getErrorCode());
        }
        return new SQLException(String.valueOf(error.getMessage()));
    }

    /** Forwards the calls of one proxy to the driver's object, wrapping what comes back. */
    private final class Membrane implements InvocationHandler {
        private final Object target;
        private final Class<?> face;
        private Object self;

        Membrane(Object target, Class<?> face) {
            this.target = target;
            this.face = face;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            Class<?> owner = method.getDeclaringClass();
            String name = method.getName();
            int count = args == null ? 0 : args.length;
            if (owner == Object.class) {
                if (name.equals("equals") && count == 1) {
                    return args[0] == self;
                } else if (name.equals("hashCode") && count == 0) {
                    return System.identityHashCode(self);
                } else if (name.equals("toString") && count == 0) {
                    return face.getSimpleName() + " (SQLite, in memory)";
                }
                throw new UnsupportedOperationException(name);
            }
            // The handler is reachable (Proxy.getInvocationHandler): only this interface's methods.
            if (!owner.isInterface() || !owner.isAssignableFrom(face)) {
                throw new IllegalArgumentException("not a method of " + face.getName());
            }
            if (name.equals("unwrap") && count == 1) {
                Class<?> wanted = (Class<?>) args[0];
                if (wanted != null && wanted.isInstance(self)) {
                    return self;
                }
                throw new SQLException("not a wrapper for " + wanted);
            }
            if (name.equals("isWrapperFor") && count == 1) {
                return args[0] != null && ((Class<?>) args[0]).isInstance(self);
            }
            if (count > 0 && args[0] instanceof String && Statement.class.isAssignableFrom(face) && RUNS_SQL.contains(name)) {
                refuseCommand((String) args[0]);
            }
            Object result;
            try {
                result = method.invoke(target, unwrapped(method, args));
            } catch (InvocationTargetException error) {
                throw plain(error.getCause());
            }
            Class<?> type = method.getReturnType();
            if (result != null && type.isInterface() && type.getPackageName().equals("java.sql")) {
                return wrap(result, type);
            }
            if (isDriverObject(result)) {
                throw new SQLFeatureNotSupportedException(name + " is not available here");
            }
            return result;
        }

        /** The arguments, with this driver's proxies (a statement's own savepoint, ...) as its objects. */
        private Object[] unwrapped(Method method, Object[] args) {
            if (args == null) {
                return null;
            }
            Class<?>[] types = method.getParameterTypes();
            Object[] forwarded = args.clone();
            for (int i = 0; i < forwarded.length; i++) {
                Object arg = forwarded[i];
                if (arg != null && Proxy.isProxyClass(arg.getClass())
                        && Proxy.getInvocationHandler(arg) instanceof Membrane) {
                    Object inner = ((Membrane) Proxy.getInvocationHandler(arg)).target;
                    if (!types[i].isInstance(inner) || !types[i].getPackageName().equals("java.sql")) {
                        throw new IllegalArgumentException("a " + types[i].getSimpleName() + " of this driver was expected");
                    }
                    forwarded[i] = inner;
                }
            }
            return forwarded;
        }
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
        return 3;
    }

    @Override
    public int getMinorVersion() {
        return 40;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no logger");
    }
}
