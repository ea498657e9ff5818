package dev.forecourt.platform.sample;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.ForecourtServiceTest;
import dev.forecourt.platform.test.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A request is observed once (its span, timer and trace id), not once per Spring Security filter,
 * authentication and authorization: those observations cost a quarter of a read's CPU
 * (docs/benchmarks.md, "Cuts of 2026-12-06").
 */
@ForecourtServiceTest
class SecurityObservationsTest {

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Test
    void anAuthenticatedAuthorizedRequestIsObservedOnceNotPerSecurityFilter() {
        Api api = Api.at(port).as(TestTokens.staff("hr", "hr-specialist", "widgets:create"));
        String id = api.post("/api/v1/widgets", "{\"name\":\"wiper\",\"quantity\":3}").at("/id");
        assertThat(api.get("/api/v1/widgets/" + id).status()).isEqualTo(200);

        assertThat(meters.find("http.server.requests").timers()).isNotEmpty();
        assertThat(meters.getMeters()).extracting(meter -> meter.getId().getName())
                .noneMatch(name -> name.startsWith("spring.security."));
    }
}
