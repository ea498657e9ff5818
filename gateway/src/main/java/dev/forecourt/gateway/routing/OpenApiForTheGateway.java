package dev.forecourt.gateway.routing;

import java.util.List;
import java.util.Map;

import org.springframework.util.AntPathMatcher;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A service's OpenAPI document as the gateway serves it to Swagger UI and client generators:
 * {@code servers} is the gateway's public URL (default {@code /}, i.e. the same origin as the
 * document, so "Try it out" calls the gateway, never a service's own port), and the operations
 * that need no token (sign-in, refresh, the key set, OEM webhooks) carry {@code security: []},
 * overriding the document's bearer requirement. Anything that is not a JSON object passes unchanged.
 */
final class OpenApiForTheGateway {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private final String publicUrl;
    private final List<String> openPaths;
    private final AntPathMatcher matcher = new AntPathMatcher();

    OpenApiForTheGateway(String publicUrl, List<String> openPaths) {
        this.publicUrl = publicUrl;
        this.openPaths = openPaths;
    }

    String rewrite(String document) {
        if (document == null || document.isBlank()) {
            return document;
        }
        JsonNode root;
        try {
            root = JSON.readTree(document);
        } catch (RuntimeException e) {
            return document;
        }
        if (!(root instanceof ObjectNode openApi)) {
            return document;
        }
        ArrayNode servers = openApi.putArray("servers");
        servers.addObject().put("url", publicUrl).put("description", "Forecourt gateway");
        if (openApi.get("paths") instanceof ObjectNode paths) {
            for (Map.Entry<String, JsonNode> path : paths.properties()) {
                if (isOpen(path.getKey()) && path.getValue() instanceof ObjectNode item) {
                    for (String method : METHODS) {
                        if (item.get(method) instanceof ObjectNode operation) {
                            operation.putArray("security");
                        }
                    }
                }
            }
        }
        return JSON.writeValueAsString(openApi);
    }

    private boolean isOpen(String path) {
        for (String pattern : openPaths) {
            if (matcher.match(pattern, path)) {
                return true;
            }
        }
        return false;
    }
}
