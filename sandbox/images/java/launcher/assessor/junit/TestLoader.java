package assessor.junit;

import java.net.URL;
import java.util.Map;

/**
 * Defines the tests' classes (trusted) from bytes received on stdin, so no test file is ever
 * readable by the candidate's user. Names it does not hold resolve through the launcher's loader
 * (JDK, JUnit) and then the candidate's loader.
 *
 * <p>It is deliberately not a child of the candidate's loader: a loader's ancestors get it (and the
 * declared members of its classes) without a permission check, so the candidate would.
 */
final class TestLoader extends ClassLoader {
    private final Map<String, byte[]> classes;
    private final ClassLoader candidate;

    TestLoader(Map<String, byte[]> classes, ClassLoader parent, ClassLoader candidate) {
        super("tests", parent);
        this.classes = classes;
        this.candidate = candidate;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null && classes.containsKey(name)) {
                byte[] bytes = classes.get(name);
                loaded = defineClass(name, bytes, 0, bytes.length);
            }
            if (loaded == null) {
                try {
                    loaded = getParent().loadClass(name);
                } catch (ClassNotFoundException notTrusted) {
                    loaded = candidate.loadClass(name);
                }
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    protected URL findResource(String name) {
        return null;
    }
}
