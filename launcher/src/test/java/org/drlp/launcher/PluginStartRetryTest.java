package org.drlp.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleRevision;
import org.junit.jupiter.api.Test;

/**
 * A plugin's start that fails while FileInstall holds the framework's lock is tried again, so the
 * watcher does not report a bundle as broken that starts a moment later (a CI run once saw this).
 */
class PluginStartRetryTest {

    private static final Path JAR = Path.of("plugins", "rule.jar").toAbsolutePath();
    private static final String LOCK_FAILURE = "Unable to acquire global lock for resolve. Unresolved requirements: []";

    @Test
    void aStartThatFailsOnceForTheFrameworksLockIsTriedAgain() {
        AtomicInteger starts = new AtomicInteger();
        Bundle bundle = bundle(starts, 1);

        Optional<String> problem = new PluginFolder(JAR.getParent()).start(JAR, bundle);

        assertTrue(problem.isEmpty(), () -> problem.get());
        assertEquals(2, starts.get());
        assertEquals(Bundle.ACTIVE, bundle.getState());
    }

    @Test
    void aStartThatAlwaysFailsIsReportedWithItsReasonAfterAFewTries() {
        AtomicInteger starts = new AtomicInteger();

        Optional<String> problem = new PluginFolder(JAR.getParent()).start(JAR, bundle(starts, Integer.MAX_VALUE));

        assertEquals(Optional.of("plugin rule.jar (test.rule 1.2.0) did not start: Unable to acquire global lock for resolve."),
                problem);
        assertTrue(starts.get() > 1 && starts.get() < 10, "tries: " + starts.get());
    }

    /** A bundle whose first {@code failures} starts throw what Felix throws when it interrupts a start. */
    private static Bundle bundle(AtomicInteger starts, int failures) {
        int[] state = {Bundle.INSTALLED};
        BundleRevision revision = (BundleRevision) Proxy.newProxyInstance(PluginStartRetryTest.class.getClassLoader(),
                new Class<?>[] {BundleRevision.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getTypes" -> 0;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (Bundle) Proxy.newProxyInstance(PluginStartRetryTest.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "adapt" -> revision;
                    case "getState" -> state[0];
                    case "getSymbolicName" -> "test.rule";
                    case "getVersion" -> new Version(1, 2, 0);
                    case "start" -> {
                        if (starts.incrementAndGet() <= failures) {
                            throw new BundleException(LOCK_FAILURE, BundleException.RESOLVE_ERROR);
                        }
                        state[0] = Bundle.ACTIVE;
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
