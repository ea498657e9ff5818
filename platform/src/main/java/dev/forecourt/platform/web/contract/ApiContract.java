package dev.forecourt.platform.web.contract;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.HandlerMethod;

import dev.forecourt.platform.web.Versioned;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.servers.Server;

/**
 * Makes each service's OpenAPI document say what the code does, from what the code declares:
 * <ul>
 * <li>every operation lists the error answers it can give — 400, 401, 403 (when it needs a
 * permission), 404 (when it addresses a resource), 409 and 422 (when it changes something), 413
 * (when it takes a body) — as {@code application/problem+json} with the {@code Problem} schema;</li>
 * <li>success answers are {@code application/json}, never {@code *}{@code /*}; a create declared
 * {@code @ResponseStatus(CREATED)} is documented 201 with {@code Location};</li>
 * <li>a versioned view ({@link Versioned}) is answered with {@code ETag}; POSTs take
 * {@code Idempotency-Key};</li>
 * <li>the permission an operation needs is named ({@code x-permission} and the description);</li>
 * <li>a stable {@code operationId} (the controller's resource and the method, e.g.
 * {@code repairOrders_handOver}) where the code gave none, and a summary from the method name
 * where the code gave none;</li>
 * <li>open operations (login, JWKS, webhooks) need no bearer token; {@code servers} is the
 * gateway's public URL ({@code forecourt.api.public-url}, default {@code /}), where Swagger UI's
 * "Try it out" can reach every service.</li>
 * </ul>
 */
public class ApiContract implements GlobalOperationCustomizer, GlobalOpenApiCustomizer {

    public static final String PROBLEM_SCHEMA = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";
    private static final Pattern AUTHORITY = Pattern.compile("'([a-z][a-z0-9-]*:[a-z0-9-]+)'");
    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final String publicUrl;
    private final List<String> openPaths;

    public ApiContract(String publicUrl, List<String> openPaths) {
        this.publicUrl = publicUrl;
        this.openPaths = List.copyOf(openPaths);
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        String path = path(handler);
        Set<String> methods = httpMethods(handler);
        boolean changes = methods.stream().anyMatch(m -> !m.equals("GET"));
        boolean takesBody = java.util.Arrays.stream(handler.getMethodParameters())
                .anyMatch(p -> p.hasParameterAnnotation(RequestBody.class));
        String permission = permission(handler);

        if (operation.getOperationId() == null || operation.getOperationId().matches(".*_\\d+$")
                || operation.getOperationId().equals(handler.getMethod().getName())) {
            operation.setOperationId(resourceOf(handler) + "_" + handler.getMethod().getName());
        }
        if (operation.getSummary() == null || operation.getSummary().isBlank()) {
            operation.setSummary(sentence(handler.getMethod().getName()));
        }
        if (permission != null) {
            operation.addExtension("x-permission", permission);
            String needs = "Needs the permission `" + permission + "`.";
            operation.setDescription(operation.getDescription() == null ? needs : operation.getDescription() + "\n\n" + needs);
        }

        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        ResponseStatus declared = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), ResponseStatus.class);
        // a POST that answers a ResponseEntity of its own making is a create (ResponseEntity.created(location))
        // (sign-in, refresh and webhooks are open operations that answer 200: they create no resource)
        boolean creates = declared != null ? declared.code() == HttpStatus.CREATED
                : methods.contains("POST") && handler.getMethod().getReturnType() == ResponseEntity.class && !isOpen(path);
        if (creates) {
            ApiResponse ok = responses.get("200");
            if (ok != null && "OK".equals(ok.getDescription())) {
                // springdoc's default for any method; a create that really answers 200 documents it with @ApiResponse
                responses.remove("200");
                responses.addApiResponse("201", new ApiResponse().description("Created").content(ok.getContent()));
            }
            ApiResponse created = responses.computeIfAbsent("201", code -> new ApiResponse().description("Created"));
            created.addHeaderObject("Location", new Header().description("Where the new resource is").schema(new StringSchema()));
        }
        for (ApiResponse response : responses.values()) {
            concreteMediaTypes(response);
        }
        if (answersVersionedView(handler)) {
            responses.forEach((code, response) -> {
                if (code.startsWith("2")) {
                    response.addHeaderObject("ETag", new Header().description("The version of the resource; send it back in If-Match")
                            .schema(new StringSchema()));
                }
            });
        }
        boolean open = isOpen(path);
        problem(responses, "400", "The request is malformed or has invalid fields (listed in `errors`)");
        if (!open) {
            problem(responses, "401", "No valid staff token");
        }
        if (permission != null) {
            problem(responses, "403", "The caller's position does not grant `" + permission + "`");
        }
        if (path.contains("{")) {
            problem(responses, "404", "No such resource in this store");
        }
        if (changes && !open) {
            problem(responses, "409", "Not allowed in the current state (`currentState`), a version conflict, or a duplicate");
            problem(responses, "422", "Breaks a business rule (the `type` names it)");
        }
        if (takesBody) {
            problem(responses, "413", "The body exceeds 1 MiB");
        }
        operation.setResponses(responses);

        boolean documentsKey = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> "Idempotency-Key".equalsIgnoreCase(p.getName()));
        if (methods.contains("POST") && !open && !documentsKey) {
            operation.addParametersItem(new HeaderParameter().name("Idempotency-Key").required(false)
                    .description("Repeat a POST safely: the same key answers the first result (1–255 characters)")
                    .schema(new StringSchema().maxLength(255)));
        }
        if (open) {
            operation.setSecurity(new ArrayList<>());
        }
        return operation;
    }

    @Override
    public void customise(OpenAPI api) {
        api.setServers(List.of(new Server().url(publicUrl).description("The Forecourt gateway")));
        if (api.getComponents() == null) {
            api.components(new io.swagger.v3.oas.models.Components());
        }
        api.getComponents().addSchemas(PROBLEM_SCHEMA, problemSchema());
        if (api.getComponents().getSchemas() != null) {
            api.getComponents().getSchemas().values().forEach(ApiContract::optionalMayBeNull);
            optionallyReferredMayBeNull(api.getComponents().getSchemas());
        }
        if (api.getPaths() != null) {
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                if (isOpen(path)) {
                    operation.setSecurity(new ArrayList<>());
                }
            }));
        }
    }

    private boolean isOpen(String path) {
        return openPaths.stream().anyMatch(open -> PATHS.match(open, path));
    }

    private static void problem(ApiResponses responses, String code, String description) {
        if (responses.containsKey(code)) {
            concreteProblem(responses.get(code));
            return;
        }
        responses.addApiResponse(code, new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA)))));
    }

    private static void concreteProblem(ApiResponse response) {
        response.setContent(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))));
    }

    /** {@code *}{@code /*} says nothing; our answers are JSON. */
    private static void concreteMediaTypes(ApiResponse response) {
        Content content = response.getContent();
        if (content != null && content.containsKey("*/*")) {
            MediaType any = content.remove("*/*");
            content.addMediaType("application/json", any);
        }
    }

    /**
     * Our views answer an absent value as {@code null} (a repair order not yet handed over has
     * {@code handedOverAt: null}): every property a schema does not require may be null.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void optionalMayBeNull(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        ((Map<String, Schema>) schema.getProperties()).forEach((name, property) -> {
            if (!required.contains(name) && property.get$ref() == null) {
                property.setNullable(true);
            }
        });
    }

    /**
     * An optional property that refers to another schema ({@code technician} of a job not yet
     * dispatched) is answered as {@code null} too, but OpenAPI 3.0 ignores {@code nullable} beside
     * a {@code $ref} (and validators do not read it beside {@code allOf}): the schema such a property
     * refers to is documented as nullable itself.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void optionallyReferredMayBeNull(Map<String, Schema> schemas) {
        String components = "#/components/schemas/";
        java.util.Set<String> referred = new java.util.HashSet<>();
        for (Schema<?> schema : schemas.values()) {
            if (schema.getProperties() == null) {
                continue;
            }
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            schema.getProperties().forEach((name, property) -> {
                if (!required.contains(name) && property.get$ref() != null && property.get$ref().startsWith(components)) {
                    referred.add(property.get$ref().substring(components.length()));
                }
            });
        }
        referred.stream().map(schemas::get).filter(java.util.Objects::nonNull).forEach(schema -> schema.setNullable(true));
    }

    static Schema<?> problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", new StringSchema().format("uri").description("Stable problem type, e.g. https://forecourt.dev/problems/stock-insufficient"));
        properties.put("title", new StringSchema());
        properties.put("status", new IntegerSchema());
        properties.put("detail", new StringSchema());
        properties.put("instance", new StringSchema());
        properties.put("errors", new ArraySchema().items(new ObjectSchema()
                .addProperty("field", new StringSchema()).addProperty("message", new StringSchema())));
        properties.put("currentState", new StringSchema().description("With illegal-state: the resource's state"));
        properties.put("currentVersion", new IntegerSchema().format("int64").description("With version-conflict: the version to reload"));
        Schema<?> problem = new ObjectSchema().description("RFC 9457 problem details; extra members name the specifics (e.g. available)");
        problem.setProperties(properties);
        problem.setRequired(List.of("type", "title", "status"));
        problem.setAdditionalProperties(true);
        return problem;
    }

    private static String permission(HandlerMethod handler) {
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
        }
        if (rule == null) {
            return null;
        }
        Set<String> found = new TreeSet<>();
        Matcher matcher = AUTHORITY.matcher(rule.value());
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found.isEmpty() ? null : String.join(" or ", found);
    }

    private static boolean answersVersionedView(HandlerMethod handler) {
        Type type = handler.getMethod().getGenericReturnType();
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == ResponseEntity.class) {
            type = parameterized.getActualTypeArguments()[0];
        }
        return type instanceof Class<?> plain && Versioned.class.isAssignableFrom(plain);
    }

    private static String path(HandlerMethod handler) {
        RequestMapping type = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RequestMapping.class);
        RequestMapping method = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        String prefix = type == null || type.path().length == 0 ? "" : type.path()[0];
        String own = method == null || method.path().length == 0 ? "" : method.path()[0];
        return prefix + own;
    }

    private static Set<String> httpMethods(HandlerMethod handler) {
        RequestMapping method = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        Set<String> names = new TreeSet<>();
        if (method != null) {
            for (var verb : method.method()) {
                names.add(verb.name());
            }
        }
        return names;
    }

    /** {@code RepairOrderController} → {@code repairOrders}. */
    private static String resourceOf(HandlerMethod handler) {
        String name = handler.getBeanType().getSimpleName().replaceAll("(Controller|Api|Resource)$", "");
        name = Character.toLowerCase(name.charAt(0)) + name.substring(1);
        return name.endsWith("s") ? name : name + "s";
    }

    /** {@code approveEstimate} → {@code Approve estimate}. */
    static String sentence(String methodName) {
        String words = methodName.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase();
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
