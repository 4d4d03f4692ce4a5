package org.drlp.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.drlp.api.PluginDescription;
import org.drlp.api.SpecException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The serve command's JSON API and its security rules, over real HTTP: files only from the
 * workspace (traversal, absolute paths and symbolic links out refused, and logged), spec and
 * output paths inside it, bodies limited, JSON-only writes, loopback hosts only without a token,
 * one-line JSON errors. The token rules are in {@link ServeTokenTest}.
 */
class ServeApiTest {

    private static final Path STACKLOSS = Path.of("..", "examples", "data", "stackloss.csv").toAbsolutePath().normalize();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path temp;
    static Path workspace;
    static Path outside;
    static ServeCommand.Server server;
    static String base;
    static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
    static PrintStream originalErr;

    @BeforeAll
    static void serve() throws Exception {
        workspace = Files.createDirectories(temp.resolve("workspace"));
        outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "not for the browser");
        Files.createDirectories(workspace.resolve("data"));
        Files.copy(STACKLOSS, workspace.resolve("data/stackloss.csv"));
        Files.createSymbolicLink(workspace.resolve("escape"), outside);
        Files.createSymbolicLink(workspace.resolve("secret-link.txt"), outside.resolve("secret.txt"));
        Files.writeString(workspace.resolve("median.json"), medianSpec());
        originalErr = System.err;
        System.setErr(new PrintStream(new TeeStream(originalErr, LOG), true, StandardCharsets.UTF_8));
        int port = Serving.freePort();
        server = Serving.start(workspace, Files.createDirectories(temp.resolve("plugins")), port);
        base = "http://127.0.0.1:" + port;
        assertEquals(base + "/", server.url(), "a loopback server needs no token");
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        System.setErr(originalErr);
    }

    static String medianSpec() {
        return """
                {
                  "name": "median",
                  "data": {"source": "csv", "path": "data/stackloss.csv", "target": "stack.loss"},
                  "model": {"type": "linear", "intercept": true},
                  "loss": {"type": "absolute"},
                  "solver": {"pivot": "dantzig"}
                }
                """;
    }

    // ---- the rules

    @Test
    void filesOutsideTheWorkspaceAreRefusedAndLogged() throws Exception {
        assertRefused(get("/api/files?path=" + enc("../outside/secret.txt")), 403, "outside the workspace");
        assertRefused(get("/api/files?path=" + enc("data/../../outside/secret.txt")), 403, "outside the workspace");
        assertRefused(get("/api/files?path=" + enc(outside.resolve("secret.txt").toString())), 403, "absolute paths are refused");
        assertRefused(get("/api/files?path=" + enc("escape/secret.txt")), 403, "symbolic link");
        assertRefused(get("/api/files?path=" + enc("secret-link.txt")), 403, "symbolic link");
        assertRefused(get("/api/files?path=" + enc("escape")), 403, "symbolic link");
        assertRefused(get("/api/files?path=" + enc("nothere.csv")), 404, "not found");
        String log = LOG.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("refused GET /api/files?path=" + enc("../outside/secret.txt")), log);
        assertTrue(log.contains("refused GET /api/files?path=" + enc("escape/secret.txt")), log);
        // a file of the workspace itself is served as it is
        HttpResponse<String> data = get("/api/files?path=" + enc("data/stackloss.csv"));
        assertEquals(200, data.statusCode());
        assertEquals(Files.readString(STACKLOSS), data.body());
    }

    @Test
    void specAndOutputPathsAreResolvedInsideTheWorkspace() throws Exception {
        assertRefused(post("/api/specs", "{\"path\": \"../outside/x.json\", \"text\": \"{}\"}"), 403, "outside the workspace");
        assertRefused(post("/api/specs", "{\"path\": " + quote(outside.resolve("x.json").toString()) + ", \"text\": \"{}\"}"), 403, "absolute");
        assertRefused(post("/api/specs", "{\"path\": \"escape/x.json\", \"text\": \"{}\"}"), 403, "symbolic link");
        assertFalse(Files.exists(outside.resolve("x.json")));
        assertRefused(post("/api/experiments", "{\"spec\": \"../outside/x.json\"}"), 403, "outside the workspace");
        assertRefused(post("/api/experiments", "{\"spec\": \"median.json\", \"out\": \"../outside/out\"}"), 403, "outside the workspace");
        assertRefused(post("/api/experiments", "{\"spec\": \"median.json\", \"out\": \"escape/out\"}"), 403, "symbolic link");
        assertRefused(post("/api/validate", "{\"path\": \"../x.json\", \"text\": \"{}\"}"), 403, "outside the workspace");
        assertRefused(post("/api/report", "{\"folders\": [\"../outside\"]}"), 403, "outside the workspace");
        try (var files = Files.list(outside)) {
            assertEquals(List.of(outside.resolve("secret.txt")), files.toList(), "nothing written outside");
        }
    }

    @Test
    void bodiesOverTheLimitAndWritesThatAreNotJsonAreRefused() throws Exception {
        String big = "{\"path\": \"big.json\", \"text\": \"" + "x".repeat(1 << 20) + "\"}";
        // refused on its declared length, before a byte of it is read
        String tooLarge = raw("POST /api/specs HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + big.length() + "\r\nConnection: close\r\n\r\n");
        assertTrue(tooLarge.startsWith("HTTP/1.1 413"), tooLarge);
        String body = tooLarge.substring(tooLarge.indexOf("\r\n\r\n") + 4);
        assertTrue(body.startsWith("{\"error\":\"request body of " + big.length() + " bytes is over the limit"), body);
        assertFalse(Files.exists(workspace.resolve("big.json")));
        HttpResponse<String> plain = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/specs"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{\"path\": \"p.json\", \"text\": \"{}\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertRefused(plain, 415, "application/json");
        assertFalse(Files.exists(workspace.resolve("p.json")), "a cross-site form post must not write");
    }

    @Test
    void onlyLoopbackHostNamesAreServedWithoutAToken() throws Exception {
        // a rebound DNS name reaches 127.0.0.1 with a Host header of its own
        String rebound = rawGet("/api/plugins", "attacker.example");
        assertTrue(rebound.startsWith("HTTP/1.1 403"), rebound);
        assertTrue(rebound.contains("{\"error\":\"host attacker.example refused"), rebound);
        assertTrue(rawGet("/api/plugins", "127.0.0.1").startsWith("HTTP/1.1 200"));
        assertEquals(200, get("/api/plugins").statusCode());
    }

    @Test
    void errorsAreOneLineOfJsonWithoutAStackTrace() throws Exception {
        for (HttpResponse<String> response : List.of(
                post("/api/specs", "{not json"), post("/api/validate", "[1, 2]"), post("/api/specs", "{\"path\": 3}"),
                post("/api/experiments", "{\"spec\": \"median.json\", \"jobs\": \"many\"}"),
                get("/api/nothing"), get("/api/experiments?id=x"), get("/app/nothere.js"))) {
            assertTrue(response.statusCode() >= 400, response.body());
            assertEquals(1, response.body().lines().count(), response.body());
            JsonObject error = JsonParser.parseString(response.body()).getAsJsonObject();
            String message = error.get("error").getAsString();
            assertFalse(message.contains("\tat ") || message.contains("Exception"), message);
        }
    }

    @Test
    void pathsThatClimbInTheUrlNeverReachAFile() throws Exception {
        // Jetty itself refuses ambiguous or climbing URL paths before the servlet sees them
        for (String path : List.of("/app/%2e%2e/%2e%2e/etc/passwd", "/app/..%2f..%2fetc%2fpasswd", "/..%2f/outside/secret.txt")) {
            HttpResponse<String> response = get(path);
            assertTrue(response.statusCode() == 400 || response.statusCode() == 404, path + ": " + response.statusCode());
            assertFalse(response.body().contains("root:") || response.body().contains("not for the browser"), response.body());
        }
    }

    // ---- the API over the services

    @Test
    void pluginsAreTheCatalogueWithBundlesAndParameters() throws Exception {
        JsonArray plugins = json(get("/api/plugins")).getAsJsonArray("plugins");
        Set<String> served = new HashSet<>();
        for (JsonElement element : plugins) {
            JsonObject plugin = element.getAsJsonObject();
            served.add(plugin.get("role").getAsString() + "/" + plugin.get("name").getAsString() + "@" + plugin.get("bundle").getAsString()
                    + " " + plugin.get("bundleVersion").getAsString() + " " + plugin.getAsJsonArray("parameters").size());
        }
        Set<String> catalogue = new HashSet<>();
        for (PluginDescription plugin : server.workbench().plugins().plugins()) {
            catalogue.add(plugin.role() + "/" + plugin.name() + "@" + plugin.bundle() + " " + plugin.bundleVersion() + " " + plugin.parameters().size());
        }
        assertEquals(catalogue, served);
    }

    @Test
    void validationGivesTheServiceMessagesLocatedAtTheirLines() throws Exception {
        String bad = medianSpec().replace("\"absolute\"", "\"quantile\", \"tau\": 1.5");
        Path file = workspace.resolve("bad.json");
        Files.writeString(file, bad);
        String expected;
        try {
            server.workbench().experiments().validate(file);
            throw new AssertionError("the service accepts tau 1.5");
        } catch (SpecException e) {
            expected = e.getMessage().replace(file.toString(), "bad.json");
        }
        JsonObject answer = json(post("/api/validate", "{\"path\": \"bad.json\", \"text\": " + quote(bad) + "}"));
        assertFalse(answer.get("valid").getAsBoolean());
        JsonObject problem = answer.getAsJsonArray("problems").get(0).getAsJsonObject();
        assertEquals(expected, problem.get("message").getAsString());
        int tauLine = bad.lines().toList().indexOf(bad.lines().filter(l -> l.contains("tau")).findFirst().orElseThrow()) + 1;
        assertEquals(tauLine, problem.get("line").getAsInt());
        assertTrue(expected.startsWith("bad.json:" + tauLine + ":" + problem.get("column").getAsInt()), expected);

        JsonObject good = json(post("/api/validate", "{\"path\": \"good.json\", \"text\": " + quote(medianSpec()) + "}"));
        assertTrue(good.get("valid").getAsBoolean(), good.toString());
        assertEquals(1, good.get("runs").getAsInt());
        try (var files = Files.list(workspace)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith(".drlp-validate")), "scratch files removed");
        }
    }

    @Test
    void anExperimentRunsAndItsResultsAreListedAndServed() throws Exception {
        JsonObject started = json(post("/api/experiments", "{\"spec\": \"median.json\", \"out\": \"results/median\"}"));
        int id = started.get("id").getAsInt();
        JsonObject experiment = null;
        for (long deadline = System.currentTimeMillis() + 60_000; System.currentTimeMillis() < deadline; Thread.sleep(100)) {
            experiment = json(get("/api/experiments?id=" + id));
            if (!List.of("STARTING", "RUNNING").contains(experiment.get("state").getAsString())) break;
        }
        assertNotNull(experiment);
        assertEquals("FINISHED", experiment.get("state").getAsString(), experiment.toString());
        JsonObject run = experiment.getAsJsonArray("runs").get(0).getAsJsonObject();
        assertEquals("OPTIMAL", run.get("status").getAsString());
        assertEquals(14518.0 / 345, run.get("objective").getAsDouble(), 1e-9); // the published LAD optimum of stack loss

        JsonArray folders = json(get("/api/results")).getAsJsonArray("results");
        assertTrue(folders.toString().contains("\"results/median\""), folders.toString());
        JsonObject results = json(get("/api/files?path=" + enc("results/median/results.json")));
        assertEquals(Files.readString(workspace.resolve("results/median/results.json")),
                get("/api/files?path=" + enc("results/median/results.json")).body());
        assertEquals(1, results.getAsJsonArray("runs").size());
        // the same folder again is refused unless overwritten
        assertRefused(post("/api/experiments", "{\"spec\": \"median.json\", \"out\": \"results/median\"}"), 409, "overwrite");
    }

    @Test
    void oneRunStoppedEndsInterruptedWhileTheRestOfItsSweepFinishes() throws Exception {
        // run 0 pivots for seconds (8,000 rows: with 4,000 a warm JVM may finish before the stop arrives), run 1 is quick
        Files.writeString(workspace.resolve("two.json"), """
                {
                  "name": "two",
                  "data": {"source": "synthetic", "n": 8000, "p": 20, "seed": 1},
                  "model": {"type": "linear", "intercept": true},
                  "loss": {"type": "quantile", "tau": 0.5},
                  "solver": {"method": "vertex-walk", "pivot": "bland", "presolve": "none"},
                  "sweep": {"data.n": [8000, 60]}
                }
                """);
        List<String> events = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        HttpResponse<java.io.InputStream> stream = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/events")).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        Thread reader = new Thread(() -> {
            try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) events.add(line);
            } catch (IOException e) {
                // closed at the end of the test
            }
        });
        reader.setDaemon(true);
        reader.start();
        int id = json(post("/api/experiments", "{\"spec\": \"two.json\", \"out\": \"results/two\"}")).get("id").getAsInt();
        waitFor(() -> {
            JsonArray runs = json(get("/api/experiments?id=" + id)).getAsJsonArray("runs");
            return !runs.isEmpty() && runs.get(0).getAsJsonObject().get("iteration").getAsLong() > 0;
        });
        JsonObject stopping = json(post("/api/experiments/stop", "{\"id\": " + id + ", \"index\": 0}"));
        assertEquals(0, stopping.get("index").getAsInt());
        waitFor(() -> !List.of("STARTING", "RUNNING").contains(json(get("/api/experiments?id=" + id)).get("state").getAsString()));
        JsonObject experiment = json(get("/api/experiments?id=" + id));
        assertEquals("INTERRUPTED", experiment.get("state").getAsString(), experiment.toString());
        JsonArray runs = experiment.getAsJsonArray("runs");
        assertEquals(List.of("INTERRUPTED", "OPTIMAL"), List.of(runs.get(0).getAsJsonObject().get("status").getAsString(),
                runs.get(1).getAsJsonObject().get("status").getAsString()));
        JsonArray recorded = JsonParser.parseString(Files.readString(workspace.resolve("results/two/results.json")))
                .getAsJsonObject().getAsJsonArray("runs");
        assertEquals(2, recorded.size(), "both runs recorded");
        JsonObject interrupted = recorded.get(0).getAsJsonObject().get("index").getAsInt() == 0
                ? recorded.get(0).getAsJsonObject() : recorded.get(1).getAsJsonObject();
        assertEquals("INTERRUPTED", interrupted.get("status").getAsString());
        assertTrue(Double.isFinite(interrupted.get("objective").getAsDouble()), "with its best point: " + interrupted);

        // the progress events carried the run's region changes so far, never more than it recorded at its end
        List<JsonObject> progress = new java.util.ArrayList<>();
        synchronized (events) {
            for (int i = 0; i + 1 < events.size(); i++) {
                if (events.get(i).equals("event: progress")) progress.add(JsonParser.parseString(events.get(i + 1).substring(6)).getAsJsonObject());
            }
        }
        assertFalse(progress.isEmpty(), "progress events arrived");
        long lastFlips = -1;
        for (JsonObject event : progress) {
            if (event.get("experiment").getAsInt() != id || event.get("index").getAsInt() != 0) continue;
            long flips = event.get("regionChanges").getAsLong();
            assertTrue(flips >= lastFlips, "region changes so far never fall: " + progress);
            lastFlips = flips;
        }
        assertTrue(lastFlips >= 0 && lastFlips <= interrupted.get("regionChanges").getAsLong(), progress + " " + interrupted);

        // nothing of it runs any more
        assertRefused(post("/api/experiments/stop", "{\"id\": " + id + ", \"index\": 0}"), 404, "is not running");
        assertRefused(post("/api/experiments/stop", "{\"id\": " + id + "}"), 404, "is not running");
        stream.body().close();
    }

    @Test
    void stopRequestsNamingNothingThatRunsAreRefused() throws Exception {
        assertRefused(post("/api/experiments/stop", "{\"id\": 999}"), 404, "no experiment 999");
        assertRefused(post("/api/experiments/stop", "{\"index\": 1}"), 400, "needs the id");
        assertRefused(post("/api/experiments/stop", "{\"id\": 1, \"index\": \"one\"}"), 400, "whole number");
        assertRefused(post("/api/experiments/stop", "{\"id\": 1.5}"), 400, "whole number");
    }

    @Test
    void theEventStreamSaysHello() throws Exception {
        HttpResponse<java.io.InputStream> stream = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/events")).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, stream.statusCode());
        assertTrue(stream.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            assertEquals("retry: 1000", in.readLine());
            assertEquals("event: hello", in.readLine());
        }
    }

    // ---- helpers

    interface Check {
        boolean holds() throws Exception;
    }

    static void waitFor(Check check) throws Exception {
        for (long deadline = System.currentTimeMillis() + 60_000; System.currentTimeMillis() < deadline; Thread.sleep(50)) {
            if (check.holds()) return;
        }
        throw new AssertionError("not within 60 s");
    }

    static void assertRefused(HttpResponse<String> response, int status, String reason) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(1, response.body().lines().count(), response.body());
        JsonObject error = JsonParser.parseString(response.body()).getAsJsonObject();
        assertTrue(error.get("error").getAsString().contains(reason), error.toString());
        assertNull(error.get("trace"));
    }

    static JsonObject json(HttpResponse<String> response) {
        assertTrue(response.statusCode() < 300, response.statusCode() + " " + response.body());
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** java.net.http will not send a Host header of one's own; a socket will. */
    static String rawGet(String path, String host) throws IOException {
        return raw("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
    }

    static String raw(String request) throws IOException {
        URI uri = URI.create(base);
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String enc(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static String quote(String text) {
        return new com.google.gson.Gson().toJson(text);
    }

    /** Copies what the server logs on the error stream into the test's buffer too. */
    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream first;
        private final java.io.OutputStream second;

        TeeStream(java.io.OutputStream first, java.io.OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            synchronized (second) {
                second.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            synchronized (second) {
                second.write(b, off, len);
            }
        }
    }
}
