package org.drlp.launcher;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The web feature opens a port only for the serve command, though other commands may install it (with all). */
class WebFeatureTest {

    @Test
    void withoutServeTheWebFeatureListensNowhere() throws Exception {
        int port = Serving.freePort();
        System.setProperty("org.osgi.service.http.port", Integer.toString(port));
        try (Workbench workbench = Workbench.start(List.of("core", "web"), null)) {
            workbench.plugins(); // the framework is up, and Jetty's bundle has started
            Thread.sleep(2000); // Jetty starts asynchronously when it starts at all
            assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close());
        } finally {
            System.clearProperty("org.osgi.service.http.port");
            System.clearProperty("org.apache.felix.http.enable");
        }
    }

    @Test
    void allIncludesTheWebFeature() throws LaunchException {
        List<String> all = Feature.bundleFiles(List.of("all"));
        assertTrue(all.containsAll(Feature.bundleFiles(List.of("web"))), all::toString);
        assertTrue(all.stream().anyMatch(file -> file.startsWith("org.drlp.web-")), all::toString);
    }
}
