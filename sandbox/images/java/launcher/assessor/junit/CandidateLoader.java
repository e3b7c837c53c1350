package assessor.junit;

import java.io.FilePermission;
import java.net.URL;
import java.security.CodeSource;
import java.security.Permissions;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.Map;
import java.util.PropertyPermission;

/**
 * Defines the candidate's classes, from bytes read before any of them ran, in one protection domain
 * with fixed permissions (the policy is never asked about it): read system properties, and files in
 * its own scratch folder /tmp/work. Nothing else: no reflection into private members, no exit, no
 * I/O redirection, no processes, no network, no class loaders of its own.
 *
 * <p>Parent first: the JDK, JUnit and the launcher always win over a same-named class of the
 * candidate's. It serves no resources (the candidate sent sources only).
 */
final class CandidateLoader extends ClassLoader {
    static final String SCRATCH = "/tmp/work";
    private final Map<String, byte[]> classes;
    private final ProtectionDomain domain;

    CandidateLoader(Map<String, byte[]> classes, ClassLoader parent) throws Exception {
        super("candidate", parent);
        this.classes = classes;
        Permissions permissions = new Permissions();
        permissions.add(new PropertyPermission("*", "read"));
        permissions.add(new FilePermission(SCRATCH, "read"));
        permissions.add(new FilePermission(SCRATCH + "/-", "read,write,delete"));
        permissions.setReadOnly();
        CodeSource source = new CodeSource(new URL("file:/tmp/candidate/"), (Certificate[]) null);
        this.domain = new ProtectionDomain(source, permissions);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length, domain);
    }

    @Override
    protected URL findResource(String name) {
        return null;
    }
}
