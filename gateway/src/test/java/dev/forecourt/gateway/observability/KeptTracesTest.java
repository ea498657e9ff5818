package dev.forecourt.gateway.observability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;

import dev.forecourt.gateway.Downstreams;
import dev.forecourt.gateway.GatewayTestBase;
import dev.forecourt.gateway.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Spans are recorded for a sample of requests only, but every failed and every slow request is kept
 * with its trace id, sampled or not; unsampled requests still pass their trace id to the service.
 */
@ExtendWith(OutputCaptureExtension.class)
class KeptTracesTest extends GatewayTestBase {

    @Autowired
    MeterRegistry meters;

    @Test
    void aFailedRequestThatWasNotSampledIsKeptWithItsTraceIdWhichTheServiceAlsoGot(CapturedOutput output) {
        String traceId = "5af92f3577b34da6a3ce929d0e0e4736";
        Downstreams.of("crm").stubFor(get(urlEqualTo("/api/v1/complaints/broken")).willReturn(aResponse().withStatus(500)));
        double before = kept("error");

        http.get().uri("/api/v1/complaints/broken")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.valid("kept-error"))
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-00")
                .exchange()
                .expectStatus().isEqualTo(500);

        Downstreams.of("crm").verify(getRequestedFor(urlEqualTo("/api/v1/complaints/broken"))
                .withHeader("traceparent", matching("00-" + traceId + "-[0-9a-f]{16}-00")));
        // the server observation stops once the answer is written, so the line may follow the client's read of it
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(output.getOut()).contains("Kept trace " + traceId + ": GET /api/v1/complaints/broken 500 in ")
                    .contains("(error, not sampled)");
            assertThat(kept("error")).isEqualTo(before + 1);
        });
    }

    @Test
    void aSlowRequestIsKeptAndAFastOneIsNot(CapturedOutput output) {
        String slowTrace = "6af92f3577b34da6a3ce929d0e0e4736";
        String fastTrace = "7af92f3577b34da6a3ce929d0e0e4736";
        Downstreams.of("parts").stubFor(get(urlEqualTo("/api/v1/parts/slow"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(1_000).withBody("{}")));
        double before = kept("slow");

        http.get().uri("/api/v1/parts/slow")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.valid("kept-slow"))
                .header("traceparent", "00-" + slowTrace + "-00f067aa0ba902b7-00")
                .exchange()
                .expectStatus().isOk();
        http.get().uri("/api/v1/parts/fast")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.valid("kept-slow"))
                .header("traceparent", "00-" + fastTrace + "-00f067aa0ba902b7-00")
                .exchange()
                .expectStatus().isOk();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(output.getOut()).contains("Kept trace " + slowTrace + ": GET /api/v1/parts/slow 200 in ")
                    .contains("(slow, not sampled)");
            assertThat(kept("slow")).isGreaterThanOrEqualTo(before + 1);
        });
        assertThat(output.getOut()).doesNotContain("Kept trace " + fastTrace);
    }

    @Test
    void aRequestWithoutTraceparentStillPassesATraceIdToTheService() {
        http.get().uri("/api/v1/parts/any")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.valid("kept-any"))
                .exchange()
                .expectStatus().isOk();

        Downstreams.of("parts").verify(getRequestedFor(urlEqualTo("/api/v1/parts/any"))
                .withHeader("traceparent", matching("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]")));
    }

    private double kept(String reason) {
        var counter = meters.find("forecourt.traces.kept").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }
}
