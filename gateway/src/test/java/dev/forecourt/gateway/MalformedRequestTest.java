package dev.forecourt.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error the gateway answers itself is problem+json, including the ones no Spring code used
 * to see (the HTTP decoder's, the security firewall's, the CORS processor's). Requests are written
 * raw: a client library would encode or refuse them before sending.
 */
class MalformedRequestTest extends GatewayTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void unencodedBracketsInAQueryAnswer400ProblemAndNeverReachTheService() throws Exception {
        String answer = get("/api/v1/customers?name[$ne]=x", TestTokens.valid());

        assertProblem(answer, 400, "bad-request");
        assertThat(Downstreams.of("crm").getAllServeEvents()).isEmpty();
    }

    @Test
    void aDotDotTraversalPathAnswers400Problem() throws Exception {
        assertProblem(get("/api/v1/parts/../../actuator/env", TestTokens.valid()), 400, "bad-request");
        assertThat(Downstreams.of("parts").getAllServeEvents()).isEmpty();
    }

    @Test
    void aSemicolonPathParameterAnswers400Problem() throws Exception {
        assertProblem(get("/api/v1/parts/a;jsessionid=x", TestTokens.valid()), 400, "bad-request");
    }

    @Test
    void anEncodedSlashInThePathAnswers400Problem() throws Exception {
        assertProblem(get("/api/v1/parts/a%2F..%2Fb", TestTokens.valid()), 400, "bad-request");
    }

    @Test
    void anEncodedNulInThePathAnswers400Problem() throws Exception {
        assertProblem(get("/api/v1/parts/a%00b", TestTokens.valid()), 400, "bad-request");
    }

    @Test
    void aRawNulInTheRequestLineAnswers400Problem() throws Exception {
        assertProblem(get("/api/v1/parts/a\u0000b", TestTokens.valid()), 400, "bad-request");
    }

    @Test
    void anOversizedUrlAnswers414Problem() throws Exception {
        assertProblem(get("/api/v1/parts/" + "x".repeat(5_000), TestTokens.valid()), 414, "uri-too-long");
    }

    @Test
    void anOversizedHeaderAnswers431Problem() throws Exception {
        String answer = RawHttp.send(port, "GET /api/v1/parts HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "y".repeat(20_000));

        assertProblem(answer, 431, "header-fields-too-large");
    }

    @Test
    void aPathNoRouteOwnsAnswers404Problem() throws Exception {
        assertProblem(get("/api/v1/nothing-here", TestTokens.valid()), 404, "not-found");
    }

    @Test
    void aMethodAnEndpointDoesNotTakeAnswers405Problem() throws Exception {
        String answer = RawHttp.send(port, "DELETE /actuator/health HTTP/1.1\r\nHost: localhost");

        assertProblem(answer, 405, "method-not-allowed");
    }

    @Test
    void aMissingTokenAnswers401Problem() throws Exception {
        assertProblem(get("/api/v1/parts", null), 401, "unauthorized");
    }

    @Test
    void aCrossOriginPreflightFromAnUnknownOriginAnswers403Problem() {
        http.options().uri("/api/v1/repair-orders")
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, HttpMethod.POST.name())
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
                .expectBody().jsonPath("$.status").isEqualTo(403);
    }

    private String get(String path, String token) throws Exception {
        return RawHttp.send(port, "GET " + path + " HTTP/1.1\r\nHost: localhost"
                + (token == null ? "" : "\r\nAuthorization: Bearer " + token));
    }

    /** The status, {@code application/problem+json}, and a UTF-8 JSON body with the type and status. */
    static void assertProblem(String answer, int status, String slug) {
        assertThat(RawHttp.status(answer)).as(answer).isEqualTo(status);
        String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase();
        assertThat(head).contains("content-type: application/problem+json").doesNotContain("iso-8859-1");
        JsonNode problem = JSON.readTree(RawHttp.body(answer));
        assertThat(problem.get("type").asString()).isEqualTo("https://forecourt.dev/problems/" + slug);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
    }
}
