package dev.forecourt.gateway.web;

import java.nio.charset.StandardCharsets;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Writes RFC 9457 problem details ({@code application/problem+json}) for the gateway's own
 * answers (401, 403, 404, 429, 503, 500), with the same stable {@code type} URIs as the services.
 * The body is assembled by hand: these answers are on the hot path of rejected traffic
 * and carry only a few known fields.
 */
public final class Problems {

    public static final String TYPE_BASE = "https://forecourt.dev/problems/";
    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    /** The path the client asked for, kept before any forward (a breaker's fallback) changes it. */
    static final String INSTANCE_ATTRIBUTE = Problems.class.getName() + ".instance";

    private Problems() {
    }

    /** Writes the problem unless the response is already committed (then there is nothing left to say). */
    public static Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String slug, String title, String detail) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(status);
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(PROBLEM_JSON);
        byte[] body = body(status, slug, title, detail, instance(exchange), RequestIds.of(exchange));
        headers.setContentLength(body.length);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }

    /** The problem's {@code instance}: the path the client called. */
    public static String instance(ServerWebExchange exchange) {
        String original = exchange.getAttribute(INSTANCE_ATTRIBUTE);
        return original != null ? original : exchange.getRequest().getPath().value();
    }

    /** The JSON bytes of a problem, for handlers that build their own response. */
    public static byte[] body(HttpStatusCode status, String slug, String title, String detail, String instance, String requestId) {
        return json(status.value(), slug, title, detail, instance, requestId).getBytes(StandardCharsets.UTF_8);
    }

    static String json(int status, String slug, String title, String detail, String instance, String requestId) {
        StringBuilder json = new StringBuilder(256).append('{');
        field(json, "type", TYPE_BASE + slug).append(',');
        field(json, "title", title).append(',');
        json.append("\"status\":").append(status).append(',');
        field(json, "detail", detail);
        if (instance != null) {
            json.append(',');
            field(json, "instance", instance);
        }
        if (requestId != null) {
            json.append(',');
            field(json, "requestId", requestId);
        }
        return json.append('}').toString();
    }

    private static StringBuilder field(StringBuilder json, String name, String value) {
        json.append('"').append(name).append("\":\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }
}
