package dev.forecourt.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Swagger UI at the gateway can "Try it out" against the gateway itself: each service's document
 * says the gateway (same origin) is its server, not the service's own port, and shows sign-in,
 * the key set and webhooks without the bearer scheme.
 */
class OpenApiThroughTheGatewayTest extends GatewayTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everyServicesDocumentNamesTheGatewayAsItsOnlyServerNotTheServicesPort() {
        for (String service : Downstreams.NAMES) {
            JsonNode document = document(service);

            assertThat(document.get("servers").size()).as(service).isEqualTo(1);
            assertThat(document.get("servers").get(0).get("url").asString()).as(service).isEqualTo("/");
            assertThat(document.toString()).as(service).doesNotContain("localhost:");
            assertThat(document.get("info").get("title").asString()).isEqualTo(service);
        }
    }

    @Test
    void signInTheKeySetAndWebhooksAreShownWithoutTheBearerSchemeAndTheRestKeepIt() {
        JsonNode hr = document("hr");
        JsonNode claims = document("claims");

        assertThat(hr.at("/paths/~1api~1v1~1auth~1token/post/security").isEmpty()).isTrue();
        assertThat(hr.at("/paths/~1api~1v1~1auth~1token/post/security").isArray()).isTrue();
        assertThat(hr.at("/paths/~1.well-known~1jwks.json/get/security").isArray()).isTrue();
        assertThat(claims.at("/paths/~1webhooks~1oem~1claim-status/post/security").isArray()).isTrue();
        // everything else inherits the document's bearer requirement
        assertThat(hr.at("/paths/~1api~1v1~1employees/get/security").isMissingNode()).isTrue();
        assertThat(hr.at("/paths/~1api~1v1~1auth~1keys~1rotate/post/security").isMissingNode()).isTrue();
        assertThat(hr.at("/security/0/bearer").isArray()).isTrue();
    }

    private JsonNode document(String service) {
        String body = http.get().uri("/v3/api-docs/" + service).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return JSON.readTree(body);
    }
}
