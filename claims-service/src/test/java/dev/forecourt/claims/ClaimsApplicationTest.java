package dev.forecourt.claims;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.test.Api;

class ClaimsApplicationTest extends ClaimsIntegrationTest {

    @Test
    void bootsHealthyAndServesItsApiDocument() {
        Api api = Api.at(port);
        assertThat(api.get("/actuator/health").at("/status")).isEqualTo("UP");
        assertThat(api.get("/v3/api-docs").status()).isEqualTo(200);
        assertThat(api.get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void apiRoutesNeedAToken() {
        Api.Response response = client().get("/api/v1/warranty-claims");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.isProblem()).isTrue();
    }
}
