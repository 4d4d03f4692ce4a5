package org.drlp.launcher;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Open the workbench in a browser: plugins, a spec editor with validation, live runs and results, "
                + "over a JSON API (see the README, \"The workbench in a browser\"). Runs until interrupted.")
final class ServeCommand implements Callable<Integer> {

    static final String FEATURE = "web";
    private static final long START_TIMEOUT_MILLIS = 30_000;

    @Option(names = "--port", paramLabel = "N", description = "TCP port (default: ${DEFAULT-VALUE}).")
    int port = 8040;

    @Option(names = "--bind", paramLabel = "ADDR",
            description = "Address to listen on (default: ${DEFAULT-VALUE}). Any other than a loopback address "
                    + "requires the token printed at start with every request.")
    String bind = "127.0.0.1";

    @Option(names = "--workspace", paramLabel = "DIR",
            description = "Folder of specs and results the browser may read and write (default: the working directory).")
    Path workspace = Path.of(".");

    @Mixin
    WorkbenchOptions workbench;

    @Spec
    CommandSpec spec;

    /** A running server: its workbench, the URL to open (with the token, if any) and the token. */
    record Server(Workbench workbench, String url, String token, List<String> properties) implements AutoCloseable {
        @Override
        public void close() {
            workbench.close();
            properties.forEach(System::clearProperty);
        }
    }

    @Override
    public Integer call() throws LaunchException {
        try (Server server = start()) {
            PrintWriter out = spec.commandLine().getOut();
            out.println("drlp serve: workspace " + workspace.toAbsolutePath().normalize());
            out.println("drlp serve: open " + server.url() + "  (Ctrl-C stops)");
            out.flush();
            server.workbench().awaitStop();
        }
        return Main.OK;
    }

    /** Boots the workbench with the web feature and waits until the server answers. */
    Server start() throws LaunchException {
        if (port < 0 || port > 65_535) throw new LaunchException("--port " + port + " is not a TCP port (0-65535)");
        if (!Files.isDirectory(workspace)) throw new LaunchException("workspace " + workspace + " is not a folder");
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new LaunchException("--bind " + bind + ": unknown address");
        }
        String token = address.isLoopbackAddress() ? null : newToken();
        Map<String, String> settings = new LinkedHashMap<>();
        // org.drlp.web turns Felix HTTP off unless serve configured it (see UnlessServing there)
        settings.put("org.apache.felix.http.enable", "true");
        settings.put("org.osgi.service.http.port", Integer.toString(port));
        settings.put("org.apache.felix.http.host", address.getHostAddress());
        settings.put("org.apache.felix.http.jetty.sendServerHeader", "false");
        settings.put("drlp.web.workspace", workspace.toAbsolutePath().normalize().toString());
        settings.put("drlp.web.token", token == null ? "" : token);
        // the framework reads its bundles' properties from the system properties it was not given
        settings.forEach(System::setProperty);
        Workbench running = workbench.start(List.of(FEATURE));
        try {
            String base = "http://" + hostText(address.isAnyLocalAddress() ? localName() : address.getHostAddress())
                    + ":" + port + "/";
            String probeHost = address.isAnyLocalAddress() ? "127.0.0.1" : hostText(address.getHostAddress());
            awaitAnswer("http://" + probeHost + ":" + port + "/api/health", token);
            return new Server(running, token == null ? base : base + "?token=" + token, token, List.copyOf(settings.keySet()));
        } catch (LaunchException | RuntimeException e) {
            running.close();
            settings.keySet().forEach(System::clearProperty);
            throw e;
        }
    }

    private static String hostText(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String localName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "127.0.0.1";
        }
    }

    /** Jetty and the servlet start asynchronously after their bundles; the URL is printed once they answer. */
    private void awaitAnswer(String probe, String token) throws LaunchException {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        String last = "no answer";
        while (System.currentTimeMillis() < deadline) {
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create(probe).toURL().openConnection();
                connection.setConnectTimeout(1000);
                connection.setReadTimeout(2000);
                if (token != null) connection.setRequestProperty("X-DRLP-Token", token);
                int status = connection.getResponseCode();
                connection.disconnect();
                if (status == 200) return;
                last = "HTTP " + status;
            } catch (IOException e) {
                last = e.getMessage();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LaunchException("interrupted while the server started");
            }
        }
        throw new LaunchException("the web server did not answer at " + probe + " within "
                + START_TIMEOUT_MILLIS / 1000 + " s (" + last + "); is port " + port + " free?");
    }
}
