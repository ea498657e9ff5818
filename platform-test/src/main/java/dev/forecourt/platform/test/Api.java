package dev.forecourt.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for tests that call a service (or the gateway) as a front end would:
 * {@code api.as(token).post("/api/v1/parts", json)}.
 */
public final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Sees every exchange of a client, e.g. to check it against the API's contract. */
    @FunctionalInterface
    public interface ExchangeListener {
        void exchanged(String method, String path, Map<String, String> requestHeaders, String requestBody, Response response);
    }

    private final String baseUrl;
    private final Map<String, String> headers;
    private final ExchangeListener listener;

    private Api(String baseUrl, Map<String, String> headers, ExchangeListener listener) {
        this.baseUrl = baseUrl;
        this.headers = headers;
        this.listener = listener;
    }

    public static Api at(int port) {
        return new Api("http://127.0.0.1:" + port, Map.of(), null);
    }

    public static Api at(String baseUrl) {
        return new Api(baseUrl, Map.of(), null);
    }

    /** The same client, telling the listener of each exchange (after the answer arrived). */
    public Api listening(ExchangeListener exchangeListener) {
        return new Api(baseUrl, headers, exchangeListener);
    }

    private static final Map<String, ContractCheck> OWN_DOCUMENTS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The same client, every exchange checked against the OpenAPI document the called application
     * serves at {@code /v3/api-docs} (see {@link ContractCheck}): what a service's own API tests use.
     */
    public Api checked() {
        return listening(OWN_DOCUMENTS.computeIfAbsent(baseUrl, url -> new ContractCheck(Api.at(url), java.util.List.of("/v3/api-docs"))));
    }

    /** The same client with {@code Authorization: Bearer token}. */
    public Api as(String token) {
        return header("Authorization", "Bearer " + token);
    }

    public Api header(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Api(baseUrl, copy, listener);
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response post(String path, String json) {
        return send("POST", path, json);
    }

    public Response post(String path) {
        return send("POST", path, "");
    }

    public Response put(String path, String json) {
        return send("PUT", path, json);
    }

    public Response patch(String path, String json) {
        return send("PATCH", path, json);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    public Response send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        if (json != null && headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Response answer = new Response(response.statusCode(), response.headers().map(), response.body());
            if (listener != null) {
                Map<String, String> sent = new LinkedHashMap<>(headers);
                if (json != null) {
                    sent.putIfAbsent("Content-Type", "application/json");
                }
                listener.exchanged(method, path, sent, json, answer);
            }
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP answer; {@link #json()} parses the body. */
    public record Response(int status, Map<String, java.util.List<String>> headers, String body) {

        public JsonNode json() {
            return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
        }

        /** A field by JSON pointer, e.g. {@code /lines/0/quantity}, as text. */
        public String at(String pointer) {
            JsonNode node = json().at(pointer);
            return node.isMissingNode() || node.isNull() ? null : node.asString();
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .findFirst().map(e -> e.getValue().get(0)).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        public boolean isProblem() {
            return contentType() != null && contentType().startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
