package dev.forecourt.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** The shared context allows a burst of 20 and 5 per second per client. */
class RateLimitTest extends GatewayTestBase {

    @Test
    void aClientSendingFasterThanItsLimitGets429ProblemWithRetryAfterWhileOthersAreServed() {
        String greedy = TestTokens.valid("emp-greedy");
        List<EntityExchangeResult<String>> refused = new ArrayList<>();
        for (int i = 0; i < 40 && refused.isEmpty(); i++) {
            EntityExchangeResult<String> result = http.get().uri("/api/v1/vehicles")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + greedy)
                    .exchange()
                    .expectBody(String.class).returnResult();
            if (result.getStatus().value() == 429) {
                refused.add(result);
            } else {
                assertThat(result.getStatus().value()).isEqualTo(200);
            }
        }

        assertThat(refused).as("a 429 within 40 quick requests").isNotEmpty();
        EntityExchangeResult<String> tooMany = refused.get(0);
        assertThat(tooMany.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Long.parseLong(tooMany.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isPositive();
        assertThat(tooMany.getResponseBody()).contains("\"type\":\"https://forecourt.dev/problems/rate-limited\"", "\"status\":429");

        http.get().uri("/api/v1/vehicles")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.valid("emp-patient"))
                .exchange()
                .expectStatus().isOk();
    }
}
