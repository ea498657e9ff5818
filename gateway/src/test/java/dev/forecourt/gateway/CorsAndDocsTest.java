package dev.forecourt.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

class CorsAndDocsTest extends GatewayTestBase {

    @Test
    void aPreflightFromAConfiguredFrontEndIsAllowedWithoutAToken() {
        http.options().uri("/api/v1/repair-orders")
                .header(HttpHeaders.ORIGIN, "https://app.forecourt.test")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, HttpMethod.POST.name())
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type,idempotency-key")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://app.forecourt.test")
                .expectHeader().exists(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS);
    }

    @Test
    void aPreflightFromAnotherOriginIsRefused() {
        http.options().uri("/api/v1/repair-orders")
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, HttpMethod.POST.name())
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void anActualCrossOriginCallExposesTheRequestId() {
        http.get().uri("/api/v1/leads")
                .header(HttpHeaders.ORIGIN, "https://app.forecourt.test")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.valid())
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://app.forecourt.test")
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
                        exposed -> org.assertj.core.api.Assertions.assertThat(exposed).contains("X-Request-Id"));
    }

    @Test
    void swaggerUiAnswersAndListsEveryService() {
        String location = http.get().uri("/swagger-ui.html").exchange()
                .expectStatus().is3xxRedirection()
                .returnResult(Void.class).getResponseHeaders().getLocation().getPath();
        http.get().uri(location).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(html -> org.assertj.core.api.Assertions.assertThat(html).contains("swagger-ui"));
        http.get().uri("/v3/api-docs/swagger-config")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.urls[?(@.name == 'hr')].url").isEqualTo("/v3/api-docs/hr")
                .jsonPath("$.urls[?(@.name == 'crm')].url").isEqualTo("/v3/api-docs/crm")
                .jsonPath("$.urls.length()").isEqualTo(6);
    }

    @Test
    void eachServicesOpenApiDocumentIsServedWithoutToken() {
        for (String service : Downstreams.NAMES) {
            http.get().uri("/v3/api-docs/" + service)
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.info.title").isEqualTo(service);
        }
    }
}
