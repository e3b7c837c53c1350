package assessor.junit;

import java.lang.reflect.ReflectPermission;
import java.security.Permission;
import java.security.Policy;
import java.security.ProtectionDomain;

/**
 * The security manager of the JUnit runner. Code on the launcher's class path (JDK, JUnit, the
 * launcher) and the tests get every permission; the candidate's classes get only their loader's
 * fixed few. Since Java checks every frame on the stack, a call from a test into the candidate's
 * code, or a callback from trusted code into it (toString, equals, a thread's run), is held to the
 * candidate's permissions.
 *
 * <p>Threads: threads created without a group (the usual way) go to a group of their own; touching
 * any thread or group outside it (interrupting, stopping, renaming the test thread) needs a
 * permission the candidate lacks.
 */
@SuppressWarnings("removal")
final class Guard extends SecurityManager {
    private static final Permission MODIFY_THREAD = new RuntimePermission("modifyThread");
    private static final Permission MODIFY_THREAD_GROUP = new RuntimePermission("modifyThreadGroup");
    private final ThreadGroup candidateThreads;

    private Guard(ThreadGroup candidateThreads) {
        this.candidateThreads = candidateThreads;
    }

    /** Installs the policy and the security manager; from now on the candidate's code is confined. */
    static void install(CandidateLoader candidate) {
        ThreadGroup group = new ThreadGroup(Thread.currentThread().getThreadGroup(), "candidate");
        Policy.setPolicy(new TrustedPolicy(candidate));
        Guard guard = new Guard(group);
        // Touch what the checks use, so that it is loaded while nothing is checked yet.
        guard.checkPermission(new ReflectPermission("suppressAccessChecks"));
        // The JDK warns on the original stderr (the candidate's output, fd 2); the harness drops it.
        System.setSecurityManager(guard);
    }

    @Override
    public ThreadGroup getThreadGroup() {
        return candidateThreads;
    }

    @Override
    public void checkAccess(Thread thread) {
        if (!candidateThreads.parentOf(thread.getThreadGroup())) {
            checkPermission(MODIFY_THREAD);
        }
        super.checkAccess(thread);
    }

    @Override
    public void checkAccess(ThreadGroup group) {
        if (!candidateThreads.parentOf(group)) {
            checkPermission(MODIFY_THREAD_GROUP);
        }
        super.checkAccess(group);
    }

    /** Every domain but the candidate's is trusted (the candidate's has fixed permissions anyway). */
    private static final class TrustedPolicy extends Policy {
        private final ClassLoader candidate;

        TrustedPolicy(ClassLoader candidate) {
            this.candidate = candidate;
        }

        @Override
        public boolean implies(ProtectionDomain domain, Permission permission) {
            return domain.getClassLoader() != candidate;
        }
    }
}
