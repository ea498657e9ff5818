package dev.forecourt.hr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.forecourt.platform.test.Api;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real tokens from hr-service itself (it trusts only its own key ring, not the test JWKS):
 * logs the demo staff in once per test JVM and reuses their tokens.
 */
public final class Logins {

    public static final String DEMO_PASSWORD = "demo1234";
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final java.util.concurrent.atomic.AtomicInteger ADDRESSES = new java.util.concurrent.atomic.AtomicInteger();

    private Logins() {
    }

    /** An API client carrying the demo employee's access token. */
    public static Api as(int port, String username) {
        return Api.at(port).checked().as(tokenOf(port, username));
    }

    public static String tokenOf(int port, String username) {
        return TOKENS.computeIfAbsent(port + "/" + username, key -> login(port, username, DEMO_PASSWORD).at("/accessToken"));
    }

    /**
     * A login from an address of its own (a fresh documentation address in {@code X-Forwarded-For}, which
     * hr-service trusts from the loopback gateway), so that wrong passwords of one test never hold back
     * the logins of another.
     */
    public static Api.Response login(int port, String username, String password) {
        return loginFrom(port, freshAddress(), username, password);
    }

    /** A login as if through the gateway from {@code address}. */
    public static Api.Response loginFrom(int port, String address, String username, String password) {
        return Api.at(port).checked().header("X-Forwarded-For", address)
                .post("/api/v1/auth/token", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
    }

    /**
     * A login over a connection of its own from the loopback address {@code peer} (e.g. 127.0.0.2, which is no
     * trusted proxy: only 127.0.0.1 and ::1 of loopback are) naming {@code forwardedFor} in X-Forwarded-For;
     * answers the status.
     */
    public static int loginFromPeer(int port, String peer, String forwardedFor, String username, String password) {
        String body = "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String request = "POST /api/v1/auth/token HTTP/1.1\r\nHost: localhost:" + port + "\r\nContent-Type: application/json\r\n"
                + "X-Forwarded-For: " + forwardedFor + "\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n" + body;
        try (java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port,
                java.net.InetAddress.getByName(peer), 0)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** An address nobody else uses in this test JVM (198.18.0.0/15, the benchmarking range). */
    public static String freshAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198." + (18 + (n >> 16 & 1)) + "." + (n >> 8 & 0xFF) + "." + (n & 0xFF);
    }

    public static Api.Response loginOk(int port, String username, String password) {
        Api.Response response = login(port, username, password);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    /** The claims of a JWT, read without verifying it. */
    public static JsonNode claims(String jwt) {
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    public static JsonNode header(String jwt) {
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]), StandardCharsets.UTF_8));
    }

    public static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
