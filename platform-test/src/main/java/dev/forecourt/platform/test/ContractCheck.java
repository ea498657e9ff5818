package dev.forecourt.platform.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

/**
 * The contract check of the tests: every exchange a test makes is validated against the OpenAPI
 * document of the service that answered it — the status must be documented, the answer's headers
 * and body must fit it, and a request the service accepted (2xx) must fit the documented request. A
 * deviation fails the test at once, naming the operation and what differs, so documentation and
 * behaviour cannot drift apart. A service's own tests get it with {@link Api#checked()} (its own
 * document, {@code /v3/api-docs}); the whole-flow tests check the gateway's exchanges against the
 * documents the gateway serves ({@code /v3/api-docs/<service>}).
 */
public final class ContractCheck implements Api.ExchangeListener {

    private final Map<String, OpenApiInteractionValidator> validators = new LinkedHashMap<>();

    /** Checks against the documents at these paths of {@code source}, e.g. {@code /v3/api-docs/parts}. */
    public ContractCheck(Api source, List<String> documentPaths) {
        for (String path : documentPaths) {
            Api.Response document = source.get(path);
            if (document.status() != 200) {
                throw new AssertionError("No OpenAPI document at " + path + ": " + document);
            }
            validators.put(path, OpenApiInteractionValidator.createForInlineApiSpecification(document.body())
                    .withLevelResolver(LevelResolver.create()
                            // security is the gateway's and the services' business, checked by their own tests
                            .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                            .build())
                    .build());
        }
    }

    @Override
    public void exchanged(String method, String path, Map<String, String> requestHeaders, String requestBody, Api.Response response) {
        List<String> problems = problems(method, path, requestHeaders, requestBody, response);
        if (!problems.isEmpty()) {
            throw new AssertionError("The answer to " + method + " " + path + " (" + response.status() + ") deviates from its "
                    + "OpenAPI document:\n  " + String.join("\n  ", problems) + "\n  body: " + abbreviate(response.body()));
        }
    }

    /** What in this exchange the documents do not say; empty when it fits. */
    public List<String> problems(String method, String path, Map<String, String> requestHeaders, String requestBody, Api.Response response) {
        String pathOnly = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        if (pathOnly.startsWith("/actuator") || pathOnly.startsWith("/v3/api-docs") || pathOnly.startsWith("/swagger-ui")) {
            return List.of();
        }
        SimpleRequest.Builder request = new SimpleRequest.Builder(Request.Method.valueOf(method), pathOnly);
        if (path.contains("?")) {
            for (String pair : path.substring(path.indexOf('?') + 1).split("&")) {
                String[] nameValue = pair.split("=", 2);
                request.withQueryParam(nameValue[0], nameValue.length > 1 ? java.net.URLDecoder.decode(nameValue[1], java.nio.charset.StandardCharsets.UTF_8) : "");
            }
        }
        requestHeaders.forEach(request::withHeader);
        if (requestBody != null && !requestBody.isEmpty()) {
            request.withBody(requestBody);
        }
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.status());
        response.headers().forEach((name, values) -> {
            if (name != null && !name.startsWith(":")) {
                answer.withHeader(name, values);
            }
        });
        if (response.body() != null && !response.body().isEmpty()) {
            answer.withBody(response.body());
        }
        Request built = request.build();
        SimpleResponse builtAnswer = answer.build();
        List<String> problems = new ArrayList<>();
        for (OpenApiInteractionValidator validator : validators.values()) {
            ValidationReport report = response.status() / 100 == 2
                    ? validator.validate(built, builtAnswer)
                    : validator.validateResponse(pathOnly, Request.Method.valueOf(method), builtAnswer);
            if (report.getMessages().stream().anyMatch(m -> m.getKey().equals("validation.request.path.missing")
                    || m.getKey().equals("validation.response.path.missing"))) {
                continue; // another document's path
            }
            report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                    .map(m -> m.getKey() + ": " + m.getMessage()).forEach(problems::add);
            return problems;
        }
        return List.of("no document has " + method + " " + pathOnly);
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 400 ? body.substring(0, 400) + "…" : body;
    }
}
