package org.drlp.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bound beyond the loopback address, the server asks every request for the token it printed. */
class ServeTokenTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path temp;
    static ServeCommand.Server server;
    static String base;

    @BeforeAll
    static void serve() throws Exception {
        int port = Serving.freePort();
        server = Serving.start(Files.createDirectories(temp.resolve("workspace")), Files.createDirectories(temp.resolve("plugins")),
                port, "--bind", "0.0.0.0");
        base = "http://127.0.0.1:" + port;
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    @Test
    void theUrlCarriesAFreshToken() {
        assertNotNull(server.token());
        assertTrue(server.token().length() >= 32, server.token());
        assertTrue(server.url().endsWith("/?token=" + server.token()), server.url());
    }

    @Test
    void requestsWithoutTheTokenAreRefused() throws Exception {
        ServeApiTest.assertRefused(send(HttpRequest.newBuilder(URI.create(base + "/api/plugins"))), 401, "a token is required");
        ServeApiTest.assertRefused(send(HttpRequest.newBuilder(URI.create(base + "/"))), 401, "a token is required");
        ServeApiTest.assertRefused(send(HttpRequest.newBuilder(URI.create(base + "/api/plugins")).header("X-DRLP-Token", "guess")),
                401, "wrong token");
        ServeApiTest.assertRefused(send(HttpRequest.newBuilder(URI.create(base + "/api/plugins?token=" + server.token() + "x"))),
                401, "wrong token");
        ServeApiTest.assertRefused(send(HttpRequest.newBuilder(URI.create(base + "/api/plugins")).header("Cookie", "drlp-token=guess")),
                401, "wrong token");
    }

    @Test
    void theTokenPassesInTheHeaderTheQueryOrTheCookieTheQuerySets() throws Exception {
        assertEquals(200, send(HttpRequest.newBuilder(URI.create(base + "/api/plugins")).header("X-DRLP-Token", server.token())).statusCode());
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base + "/?token=" + server.token())));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<script type=\"module\" src=\"/app/main.js\">"), page.body());
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith("drlp-token=" + server.token() + ";") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
        // the page's modules and event stream then carry the cookie
        assertEquals(200, send(HttpRequest.newBuilder(URI.create(base + "/app/main.js")).header("Cookie", "drlp-token=" + server.token())).statusCode());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
