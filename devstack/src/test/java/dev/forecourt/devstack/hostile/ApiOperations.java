package dev.forecourt.devstack.hostile;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every operation of every service, as its own OpenAPI document ({@code /v3/api-docs}) describes it. */
public final class ApiOperations {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** A parameter of an operation: {@code in} is path or query. */
    public record Parameter(String name, String in, JsonNode schema, boolean required) {
    }

    /**
     * One operation. {@code components} are the document's schemas, for resolving {@code $ref}s.
     */
    public record Operation(String service, String baseUrl, String method, String path, List<Parameter> parameters,
                            JsonNode bodySchema, JsonNode components) {

        public boolean hasBody() {
            return bodySchema != null;
        }

        public boolean mutating() {
            return !"GET".equals(method) && !"HEAD".equals(method);
        }

        public List<Parameter> in(String where) {
            return parameters.stream().filter(p -> p.in().equals(where)).toList();
        }

        @Override
        public String toString() {
            return service + " " + method + " " + path;
        }
    }

    private ApiOperations() {
    }

    /** Reads the documents of these services ({@code name -> base URL}); returns their operations, in document order. */
    public static List<Operation> discover(Map<String, String> services) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<Operation> operations = new ArrayList<>();
        services.forEach((service, baseUrl) -> {
            JsonNode document = fetch(http, baseUrl + "/v3/api-docs");
            JsonNode components = document.path("components").path("schemas");
            for (var path : document.path("paths").properties()) {
                for (var entry : path.getValue().properties()) {
                    JsonNode operation = entry.getValue();
                    List<Parameter> parameters = new ArrayList<>();
                    for (JsonNode parameter : operation.path("parameters")) {
                        parameters.add(new Parameter(parameter.path("name").asString(), parameter.path("in").asString(),
                                parameter.path("schema"), parameter.path("required").asBoolean(false)));
                    }
                    JsonNode body = operation.path("requestBody").path("content");
                    JsonNode bodySchema = null;
                    for (var content : body.properties()) {
                        if (content.getKey().contains("json")) {
                            bodySchema = content.getValue().path("schema");
                        }
                    }
                    operations.add(new Operation(service, baseUrl, entry.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                            parameters, bodySchema, components));
                }
            }
        });
        return operations;
    }

    private static JsonNode fetch(HttpClient http, String url) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot read " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
