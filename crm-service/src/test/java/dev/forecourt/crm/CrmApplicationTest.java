package dev.forecourt.crm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.ForecourtServiceTest;

@ForecourtServiceTest
class CrmApplicationTest {

    @LocalServerPort
    int port;

    @Test
    void bootsHealthyAndServesItsApiDocument() {
        Api api = Api.at(port).checked();
        assertThat(api.get("/actuator/health").at("/status")).isEqualTo("UP");
        assertThat(api.get("/v3/api-docs").status()).isEqualTo(200);
        assertThat(api.get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void apiRoutesNeedAToken() {
        Api.Response response = Api.at(port).get("/api/v1/anything"); // an undocumented path: nothing to check it against
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.isProblem()).isTrue();
    }
}
