package dev.forecourt.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * The six services as WireMock servers, started once per test JVM: each answers any request
 * with its own name (so a test sees where a request was routed), is healthy, and hr also
 * publishes the test JWKS.
 */
public final class Downstreams {

    public static final List<String> NAMES = List.of("hr", "sales", "workshop", "parts", "claims", "crm");
    private static final Map<String, WireMockServer> SERVERS = new LinkedHashMap<>();
    // kept apart: a stopped WireMockServer no longer tells its port
    private static final Map<String, Integer> PORTS = new LinkedHashMap<>();

    static {
        NAMES.forEach(name -> {
            WireMockServer server = start(name, 0);
            SERVERS.put(name, server);
            PORTS.put(name, server.port());
        });
    }

    private Downstreams() {
    }

    public static WireMockServer of(String name) {
        return SERVERS.get(name);
    }

    public static String url(String name) {
        return "http://localhost:" + PORTS.get(name);
    }

    /** Back to the initial stubs and an empty request journal. */
    public static void resetAll() {
        SERVERS.forEach((name, server) -> {
            server.resetAll();
            stub(name, server);
        });
    }

    /** Stops a service, so its port refuses connections. */
    public static void stop(String name) {
        of(name).stop();
    }

    /** Starts a stopped service again on the same port. */
    public static void restart(String name) {
        SERVERS.put(name, start(name, PORTS.get(name)));
    }

    private static WireMockServer start(String name, int port) {
        WireMockServer server = new WireMockServer(options().port(port).containerThreads(16).jettyAcceptors(1));
        server.start();
        stub(name, server);
        return server;
    }

    /** A document as springdoc writes it on a service: its own port as server, bearer required everywhere. */
    private static String apiDocs(String name, int port) {
        String paths = name.equals("hr")
                ? "\"/api/v1/auth/token\":{\"post\":{\"operationId\":\"signIn\"}},"
                        + "\"/api/v1/auth/keys/rotate\":{\"post\":{\"operationId\":\"rotateKeys\"}},"
                        + "\"/.well-known/jwks.json\":{\"get\":{\"operationId\":\"jwks\"}},"
                        + "\"/api/v1/employees\":{\"get\":{\"operationId\":\"listEmployees\"}}"
                : name.equals("claims")
                ? "\"/webhooks/oem/claim-status\":{\"post\":{\"operationId\":\"claimStatus\"}},"
                        + "\"/api/v1/warranty-claims\":{\"get\":{\"operationId\":\"listClaims\"}}"
                : "\"/api/v1/things\":{\"get\":{\"operationId\":\"list\"}}";
        return "{\"openapi\":\"3.0.1\",\"info\":{\"title\":\"" + name + "\"},"
                + "\"servers\":[{\"url\":\"http://localhost:" + port + "\",\"description\":\"Generated server url\"}],"
                + "\"security\":[{\"bearer\":[]}],\"paths\":{" + paths + "},"
                + "\"components\":{\"securitySchemes\":{\"bearer\":{\"type\":\"http\",\"scheme\":\"bearer\"}}}}";
    }

    private static void stub(String name, WireMockServer server) {
        server.stubFor(any(anyUrl()).atPriority(10).willReturn(okJson("{\"service\":\"" + name + "\"}")));
        server.stubFor(get(urlEqualTo("/actuator/health")).willReturn(okJson("{\"status\":\"UP\"}")));
        server.stubFor(get(urlEqualTo("/v3/api-docs")).willReturn(okJson(apiDocs(name, server.port()))));
        if (name.equals("hr")) {
            server.stubFor(get(urlEqualTo("/.well-known/jwks.json")).willReturn(aResponse()
                    .withHeader("Content-Type", "application/json").withBody(TestTokens.jwks())));
        }
    }
}
