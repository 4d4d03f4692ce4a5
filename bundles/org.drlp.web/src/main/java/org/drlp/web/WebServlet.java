package org.drlp.web;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.drlp.api.ExperimentService;
import org.drlp.api.PluginCatalog;
import org.drlp.api.ReportService;
import org.drlp.api.RunOptions;
import org.drlp.api.SpecException;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleListener;
import org.osgi.framework.ServiceListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The whole web workbench behind one servlet on the whiteboard: the pages (from this bundle), the
 * chart library (from its WebJar, unpacked into this bundle), the JSON API under {@code /api/} and
 * the event stream. Configured by framework properties, which the launcher's serve command sets:
 * {@value #WORKSPACE}, {@value #TOKEN} and {@value #MAX_BODY}.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/*",
        "osgi.http.whiteboard.servlet.name=drlp-web",
        "osgi.http.whiteboard.servlet.asyncSupported=true"})
public final class WebServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The folder whose specs and results the server serves; the working directory when unset. */
    static final String WORKSPACE = "drlp.web.workspace";
    /** When set, every request must carry it (header, query or the cookie set from the query). */
    static final String TOKEN = "drlp.web.token";
    /** Largest request body accepted, in bytes (default 1 MiB). */
    static final String MAX_BODY = "drlp.web.maxBodyBytes";

    static final String TOKEN_HEADER = "X-DRLP-Token";
    static final String TOKEN_COOKIE = "drlp-token";
    private static final int SEARCH_DEPTH = 6;
    private static final Pattern LOCATION = Pattern.compile(":(\\d+):(\\d+)");

    private final transient Gson gson = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();
    private final transient BundleContext context;
    private final transient PluginCatalog catalog;
    private final transient ExperimentService experimentService;
    private final transient ReportService reports;
    private final transient Workspace workspace;
    private final transient byte[] token;
    private final long maxBody;
    private final transient Log log = new Log(System.err);
    private final transient EventHub events = new EventHub(gson);
    private final transient Experiments experiments;
    private final transient ScheduledExecutorService catalogueWatch = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "drlp-web-catalogue");
        thread.setDaemon(true);
        return thread;
    });
    private transient ScheduledFuture<?> pendingCatalogue;
    private transient String lastCatalogue;
    /** Where the uPlot WebJar's dist files are in this bundle, so that its version is named only in the pom. */
    private final transient String uplotFolder;
    private final transient ServiceListener serviceListener = event -> catalogueMayHaveChanged();
    private final transient BundleListener bundleListener = event -> catalogueMayHaveChanged();

    @Activate
    public WebServlet(BundleContext context, @Reference PluginCatalog catalog,
                      @Reference ExperimentService experimentService, @Reference ReportService reports) throws IOException {
        this.context = context;
        this.catalog = catalog;
        this.experimentService = experimentService;
        this.reports = reports;
        String folder = context.getProperty(WORKSPACE);
        this.workspace = new Workspace(Path.of(folder == null || folder.isBlank() ? "." : folder));
        String secret = context.getProperty(TOKEN);
        this.token = secret == null || secret.isEmpty() ? null : secret.getBytes(StandardCharsets.UTF_8);
        String limit = context.getProperty(MAX_BODY);
        this.maxBody = limit == null ? 1 << 20 : Long.parseLong(limit.trim());
        this.experiments = new Experiments(experimentService, events, log);
        var found = context.getBundle().findEntries("META-INF/resources/webjars/uplot", "uPlot.esm.js", true);
        String module = found != null && found.hasMoreElements() ? found.nextElement().getPath() : null;
        this.uplotFolder = module == null ? null : module.substring(module.startsWith("/") ? 1 : 0, module.lastIndexOf('/') + 1);
        this.lastCatalogue = gson.toJson(Json.plugins(catalog.plugins()));
        context.addServiceListener(serviceListener);
        context.addBundleListener(bundleListener);
    }

    @Deactivate
    void deactivate() {
        context.removeServiceListener(serviceListener);
        context.removeBundleListener(bundleListener);
        catalogueWatch.shutdownNow();
        events.close();
        experiments.close();
    }

    /** Plugins come and go with services and bundles; the pages hear of it once things settle. */
    private synchronized void catalogueMayHaveChanged() {
        if (pendingCatalogue != null) pendingCatalogue.cancel(false);
        if (catalogueWatch.isShutdown()) return;
        pendingCatalogue = catalogueWatch.schedule(() -> {
            try {
                List<Map<String, Object>> plugins = Json.plugins(catalog.plugins());
                String text = gson.toJson(plugins);
                synchronized (this) {
                    if (text.equals(lastCatalogue)) return;
                    lastCatalogue = text;
                }
                events.publish("plugins", Map.of("plugins", plugins));
            } catch (RuntimeException e) {
                log.error("the catalogue could not be read", e);
            }
        }, 200, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        try {
            authorise(request, response);
            route(request.getMethod(), path, request, response);
        } catch (WebError e) {
            if (e.logged || e.status == 401) {
                log.refused(request.getMethod(), request.getRequestURI()
                        + (request.getQueryString() == null ? "" : "?" + request.getQueryString()),
                        request.getRemoteAddr(), e.status, e.getMessage());
            }
            sendError(response, e.status, e.getMessage());
        } catch (IOException | RuntimeException e) {
            log.error(request.getMethod() + " " + path, e);
            sendError(response, 500, "internal error: " + Log.oneLine(e));
        }
    }

    private void sendError(HttpServletResponse response, int status, String message) throws IOException {
        if (response.isCommitted()) return;
        response.resetBuffer();
        sendJson(response, status, Json.error(message));
    }

    /**
     * Without a token (the loopback default) only requests naming a loopback host pass, which stops a
     * page elsewhere from reaching the server through a rebound DNS name; with one, the token must
     * come with every request.
     */
    private void authorise(HttpServletRequest request, HttpServletResponse response) throws WebError {
        if (token == null) {
            String host = request.getServerName();
            if (!(host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1") || host.equals("[::1]"))) {
                throw new WebError(403, "host " + host + " refused: the server answers only to 127.0.0.1 without --bind", true);
            }
        } else {
            String query = request.getParameter("token");
            String given = request.getHeader(TOKEN_HEADER);
            if (given == null) given = query;
            if (given == null && request.getCookies() != null) {
                for (Cookie cookie : request.getCookies()) {
                    if (TOKEN_COOKIE.equals(cookie.getName())) given = cookie.getValue();
                }
            }
            if (given == null || !MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
                throw new WebError(401, given == null ? "a token is required: open the URL that serve printed"
                        : "wrong token: open the URL that serve printed");
            }
            if (query != null && MessageDigest.isEqual(token, query.getBytes(StandardCharsets.UTF_8))) {
                // the page's modules and its event stream carry the cookie from here on
                response.addHeader("Set-Cookie", TOKEN_COOKIE + "=" + query + "; Path=/; HttpOnly; SameSite=Strict");
            }
        }
        if (("POST".equals(request.getMethod()) || "PUT".equals(request.getMethod()))) {
            String type = request.getContentType();
            // a page elsewhere cannot send JSON without asking first (CORS), and this server never says yes
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
                throw new WebError(415, "request bodies must be application/json", true);
            }
        }
    }

    private void route(String method, String path, HttpServletRequest request, HttpServletResponse response)
            throws WebError, IOException {
        if (!path.startsWith("/api/")) {
            if (!"GET".equals(method) && !"HEAD".equals(method)) throw new WebError(405, method + " " + path + " is not allowed");
            serveAsset(path, response);
            return;
        }
        String endpoint = method + " " + path;
        switch (endpoint) {
            case "GET /api/health" -> sendJson(response, 200, Map.of("ok", true, "workspace", workspace.root().toString()));
            case "GET /api/plugins" -> sendJson(response, 200, Map.of("plugins", Json.plugins(catalog.plugins())));
            case "GET /api/events" -> streamEvents(response);
            case "GET /api/specs" -> sendJson(response, 200, Map.of("specs", specs()));
            case "POST /api/specs" -> saveSpec(body(request), response);
            case "POST /api/validate" -> validate(body(request), response);
            case "GET /api/experiments" -> listExperiments(request, response);
            case "POST /api/experiments" -> startExperiment(body(request), response);
            case "POST /api/experiments/stop" -> stopExperiments(body(request), response);
            case "GET /api/results" -> sendJson(response, 200, Map.of("results", resultsFolders()));
            case "POST /api/report" -> report(body(request), response);
            case "GET /api/files" -> serveFile(request.getParameter("path"), response);
            default -> throw new WebError(404, "no such endpoint: " + endpoint + " (see the README, \"The workbench in a browser\")");
        }
    }

    // ---- the pages and the chart library

    private void serveAsset(String path, HttpServletResponse response) throws WebError, IOException {
        if (path.contains("..") || path.contains("\\") || path.contains("//")) {
            throw new WebError(404, "not found: " + path, true);
        }
        String entry;
        if (path.equals("/") || path.equals("/index.html")) {
            entry = "web/index.html";
        } else if (path.startsWith("/lib/uplot/") && uplotFolder != null) {
            entry = uplotFolder + path.substring("/lib/uplot/".length());
        } else {
            entry = "web" + path;
        }
        URL url = context.getBundle().getEntry(entry);
        if (url == null || entry.endsWith("/")) throw new WebError(404, "not found: " + path);
        response.setStatus(200);
        response.setContentType(contentType(entry));
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        try (InputStream in = url.openStream(); OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }

    static String contentType(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        return switch (dot < 0 ? "" : lower.substring(dot + 1)) {
            case "html", "htm" -> "text/html; charset=utf-8";
            case "js", "mjs" -> "text/javascript; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "json" -> "application/json; charset=utf-8";
            case "csv" -> "text/csv; charset=utf-8";
            case "svg" -> "image/svg+xml";
            case "png" -> "image/png";
            case "txt", "log", "md", "mps" -> "text/plain; charset=utf-8";
            default -> "application/octet-stream";
        };
    }

    // ---- events

    private void streamEvents(HttpServletResponse response) throws IOException {
        response.setStatus(200);
        response.setContentType("text/event-stream; charset=utf-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no");
        var out = response.getWriter();
        events.serve(out, out::flush, events.frame("hello", Map.of("clients", events.clients() + 1)));
    }

    // ---- specs

    private List<String> specs() throws IOException {
        List<String> specs = new ArrayList<>();
        walk(workspace.root(), 0, folder -> Files.exists(folder.resolve("results.json")), file -> {
            String name = file.getFileName().toString();
            if (name.endsWith(".json") && !name.startsWith(".")) specs.add(workspace.relative(file));
        });
        specs.sort(null);
        return specs;
    }

    private void saveSpec(JsonObject body, HttpServletResponse response) throws WebError, IOException {
        Path file = save(string(body, "path", true), string(body, "text", true));
        sendJson(response, 200, Map.of("saved", workspace.relative(file)));
    }

    /** Writes the spec text in one atomic move, so that a reader never sees half a file. */
    private Path save(String name, String text) throws WebError, IOException {
        if (!name.endsWith(".json")) throw new WebError(400, "a spec is saved as a .json file, not " + name);
        Path file = workspace.writable(name);
        if (Files.isDirectory(file)) throw new WebError(409, name + " is a folder");
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    /**
     * Validates the text as if it were the file {@code path} (default: {@code spec.json} at the top of
     * the workspace), so that its relative data paths resolve as they will when it is saved there:
     * it is written to a hidden file beside that path, validated and deleted, and the messages
     * name the path.
     */
    private void validate(JsonObject body, HttpServletResponse response) throws WebError, IOException {
        String text = string(body, "text", true);
        String name = body.has("path") && !body.get("path").isJsonNull() ? string(body, "path", true) : "spec.json";
        Path target = workspace.writable(name);
        Path folder = target.getParent();
        if (!Files.isDirectory(folder)) throw new WebError(404, "no folder " + workspace.relative(folder) + " for " + name);
        Path scratch = folder.resolve(".drlp-validate-" + UUID.randomUUID() + ".json");
        Files.writeString(scratch, text, StandardCharsets.UTF_8);
        Map<String, Object> answer = new LinkedHashMap<>();
        try {
            int runs = experimentService.validate(scratch);
            answer.put("valid", true);
            answer.put("runs", runs);
        } catch (SpecException e) {
            // one problem on one line, or "N problems" then one line each: every line located where it can be
            String message = String.valueOf(e.getMessage()).replace(scratch.toString(), name)
                    .replace(scratch.getFileName().toString(), name);
            List<Map<String, Object>> problems = new ArrayList<>();
            for (String line : message.split("\\R")) {
                if (line.isBlank()) continue;
                Matcher at = line.startsWith(name) ? LOCATION.matcher(line.substring(name.length())) : null;
                boolean located = at != null && at.lookingAt();
                if (!located && !problems.isEmpty()) continue;
                Map<String, Object> problem = new LinkedHashMap<>();
                problem.put("message", line.trim());
                problem.put("line", located ? Integer.valueOf(at.group(1)) : null);
                problem.put("column", located ? Integer.valueOf(at.group(2)) : null);
                problems.add(problem);
            }
            if (problems.size() > 1 && problems.get(0).get("line") == null) problems.remove(0); // the "N problems" heading
            answer.put("valid", false);
            answer.put("message", message.lines().findFirst().orElse(message));
            answer.put("problems", problems);
        } finally {
            Files.deleteIfExists(scratch);
        }
        sendJson(response, 200, answer);
    }

    // ---- experiments

    private void listExperiments(HttpServletRequest request, HttpServletResponse response) throws WebError, IOException {
        String id = request.getParameter("id");
        if (id != null) {
            try {
                sendJson(response, 200, Json.experiment(experiments.get(Integer.parseInt(id))));
            } catch (NumberFormatException e) {
                throw new WebError(400, "id must be a number, not " + id);
            }
            return;
        }
        List<Map<String, Object>> list = new ArrayList<>();
        experiments.list().forEach(experiment -> list.add(Json.experiment(experiment)));
        sendJson(response, 200, Map.of("experiments", list));
    }

    private void startExperiment(JsonObject body, HttpServletResponse response) throws WebError, IOException {
        String specName = string(body, "spec", true);
        if (body.has("text") && !body.get("text").isJsonNull()) {
            save(specName, string(body, "text", true));
        }
        Path spec = workspace.existing(specName);
        if (!Files.isRegularFile(spec)) throw new WebError(400, specName + " is not a file");
        String base = spec.getFileName().toString().replaceFirst("\\.json$", "");
        String outName = body.has("out") && !body.get("out").isJsonNull() ? string(body, "out", true) : "results/" + base;
        Path out = workspace.writable(outName);
        boolean overwrite = body.has("overwrite") && body.get("overwrite").getAsBoolean();
        int jobs = body.has("jobs") ? body.get("jobs").getAsInt() : 1;
        if (jobs < 1 || jobs > 64) throw new WebError(400, "jobs must be between 1 and 64, not " + jobs);
        if (!overwrite && Files.exists(out.resolve("results.json"))) {
            throw new WebError(409, outName + " already holds results; tick overwrite or name another output folder");
        }
        Experiments.Experiment experiment = experiments.start(spec, workspace.relative(spec), out, workspace.relative(out),
                new RunOptions(jobs, overwrite));
        sendJson(response, 202, Map.of("id", experiment.id, "out", experiment.out));
    }

    /** Without an id every experiment; with one that experiment; with an index too that run of it alone. */
    private void stopExperiments(JsonObject body, HttpServletResponse response) throws WebError, IOException {
        Integer id = integer(body, "id");
        Integer index = integer(body, "index");
        if (id == null) {
            if (index != null) throw new WebError(400, "index needs the id of its experiment");
            experiments.stop();
        } else if (index == null) {
            experiments.stop(id);
        } else {
            experiments.stopRun(id, index);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("stopping", true);
        answer.put("id", id);
        answer.put("index", index);
        sendJson(response, 200, answer);
    }

    // ---- results

    /** Every folder of the workspace holding a results.json, newest first. */
    private List<Map<String, Object>> resultsFolders() throws IOException {
        List<Path> folders = new ArrayList<>();
        walk(workspace.root(), 0, folder -> {
            boolean results = Files.isRegularFile(folder.resolve("results.json"));
            if (results) folders.add(folder);
            return results;
        }, file -> { });
        List<Map<String, Object>> list = new ArrayList<>();
        for (Path folder : folders) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("path", workspace.relative(folder));
            entry.put("modified", Files.getLastModifiedTime(folder.resolve("results.json")).toMillis());
            entry.put("report", Files.isRegularFile(folder.resolve("report/report.html")) ? workspace.relative(folder.resolve("report/report.html")) : null);
            list.add(entry);
        }
        list.sort((a, b) -> Long.compare((Long) b.get("modified"), (Long) a.get("modified")));
        return list;
    }

    private void report(JsonObject body, HttpServletResponse response) throws WebError, IOException {
        if (!body.has("folders") || !body.get("folders").isJsonArray() || body.getAsJsonArray("folders").isEmpty()) {
            throw new WebError(400, "folders: a list of results folders is required");
        }
        List<Path> folders = new ArrayList<>();
        for (JsonElement element : body.getAsJsonArray("folders")) {
            folders.add(workspace.existing(element.getAsString()));
        }
        String outName = body.has("out") && !body.get("out").isJsonNull() ? string(body, "out", true)
                : workspace.relative(folders.get(0).resolve("report"));
        Path out = workspace.writable(outName);
        List<String> measures = new ArrayList<>();
        if (body.has("measures")) body.getAsJsonArray("measures").forEach(m -> measures.add(m.getAsString()));
        if (measures.isEmpty()) measures.addAll(List.of("seconds", "pivots"));
        List<String> written = new ArrayList<>();
        try {
            reports.write(folders, out, measures).forEach(file -> written.add(workspace.relative(file)));
        } catch (IllegalArgumentException e) {
            throw new WebError(400, Log.oneLine(e));
        }
        sendJson(response, 200, Map.of("files", written));
    }

    // ---- files of the workspace

    private void serveFile(String name, HttpServletResponse response) throws WebError, IOException {
        Path path = workspace.existing(name == null ? "." : name);
        if (Files.isDirectory(path)) {
            List<Map<String, Object>> entries = new ArrayList<>();
            try (Stream<Path> children = Files.list(path)) {
                for (Path child : children.sorted().toList()) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("name", child.getFileName().toString());
                    entry.put("path", workspace.relative(child));
                    entry.put("folder", Files.isDirectory(child));
                    entry.put("size", Files.isRegularFile(child) ? Files.size(child) : null);
                    entries.add(entry);
                }
            }
            sendJson(response, 200, Map.of("path", workspace.relative(path), "files", entries));
            return;
        }
        response.setStatus(200);
        response.setContentType(contentType(path.getFileName().toString()));
        response.setContentLengthLong(Files.size(path));
        response.setHeader("X-Content-Type-Options", "nosniff");
        // a results folder's HTML and SVG are shown, never run as part of the workbench's pages
        response.setHeader("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'");
        try (OutputStream out = response.getOutputStream()) {
            Files.copy(path, out);
        }
    }

    // ---- helpers

    /** Folders below {@code folder} to {@link #SEARCH_DEPTH}, without hidden ones, not descending where {@code stop} says. */
    private void walk(Path folder, int depth, FolderTest stop, FileVisitor visit) throws IOException {
        if (depth > SEARCH_DEPTH) return;
        List<Path> children;
        try (Stream<Path> list = Files.list(folder)) {
            children = list.sorted().toList();
        } catch (IOException e) {
            return; // a folder this process may not read holds nothing to list
        }
        for (Path child : children) {
            String name = child.getFileName().toString();
            if (name.startsWith(".") || Files.isSymbolicLink(child)) continue;
            if (Files.isDirectory(child)) {
                if (!stop.test(child)) walk(child, depth + 1, stop, visit);
            } else {
                visit.accept(child);
            }
        }
    }

    private interface FolderTest {
        boolean test(Path folder) throws IOException;
    }

    private interface FileVisitor {
        void accept(Path file) throws IOException;
    }

    private JsonObject body(HttpServletRequest request) throws WebError, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBody) throw new WebError(413, "request body of " + declared + " bytes is over the limit of " + maxBody, true);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in = request.getInputStream()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (bytes.size() + n > maxBody) throw new WebError(413, "request body over the limit of " + maxBody + " bytes", true);
                bytes.write(buffer, 0, n);
            }
        }
        try {
            JsonElement element = JsonParser.parseString(bytes.toString(StandardCharsets.UTF_8));
            if (!element.isJsonObject()) throw new WebError(400, "the request body must be a JSON object");
            return element.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new WebError(400, "the request body is not JSON: " + Log.oneLine(e.getCause() != null ? e.getCause() : e)
                    .replaceFirst(" See https?://\\S+$", ""));
        }
    }

    private static String string(JsonObject body, String key, boolean required) throws WebError {
        JsonElement value = body.get(key);
        if (value == null || value.isJsonNull()) {
            if (required) throw new WebError(400, key + " is required");
            return null;
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) throw new WebError(400, key + " must be a string");
        return value.getAsString();
    }

    private static Integer integer(JsonObject body, String key) throws WebError {
        JsonElement value = body.get(key);
        if (value == null || value.isJsonNull()) return null;
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) throw new WebError(400, key + " must be a whole number");
        double number = value.getAsDouble();
        if (number != Math.rint(number) || number < 0 || number > Integer.MAX_VALUE) {
            throw new WebError(400, key + " must be a whole number, not " + value);
        }
        return (int) number;
    }

    private void sendJson(HttpServletResponse response, int status, Object data) throws IOException {
        byte[] bytes = gson.toJson(data).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(bytes.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(bytes);
        }
    }
}
