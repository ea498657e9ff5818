package dev.forecourt.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Set-up calls (not timed): one connection, JSON answers, failures as exceptions. */
final class Api implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpConn conn;

    Api(String host, int port) {
        this.conn = new HttpConn(host, port);
    }

    static String login(String host, int port, String username) {
        try (Api api = new Api(host, port)) {
            JsonNode answer = api.post("/api/v1/auth/token", null,
                    "{\"username\":\"" + username + "\",\"password\":\"demo1234\"}", 200);
            return answer.path("accessToken").asString();
        }
    }

    /** The {@code sub} claim (employee id) of a token. */
    static String subject(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return JSON.readTree(payload).path("sub").asString();
    }

    JsonNode get(String path, String token) {
        return expect(call("GET", path, token, null), path, 200);
    }

    JsonNode post(String path, String token, String body, int... ok) {
        return expect(call("POST", path, token, body), path, ok);
    }

    HttpConn.Response call(String method, String path, String token, String body) {
        try {
            return conn.send(method, path, token, body, null);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        }
    }

    private static JsonNode expect(HttpConn.Response response, String path, int... ok) {
        for (int status : ok) {
            if (response.status() == status) {
                return response.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(response.body());
            }
        }
        throw new IllegalStateException(path + " answered " + response.status() + ": " + ClosedLoopLoad.abbreviate(response.text()));
    }

    static JsonNode parse(HttpConn.Response response) {
        return JSON.readTree(response.body());
    }

    @Override
    public void close() {
        conn.close();
    }
}
