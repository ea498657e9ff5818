package dev.forecourt.platform.sample;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.ForecourtServiceTest;
import dev.forecourt.platform.test.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A service keeps every failed and slow request it answers with its trace id, sampled or not
 * (the platform's {@code KeptTraces}, registered for every servlet service); the trace id is the
 * one the gateway sent in {@code traceparent}.
 */
@ForecourtServiceTest
@ExtendWith(OutputCaptureExtension.class)
class KeptTracesServiceTest {

    static final String TOKEN = TestTokens.staff("hr", "hr-specialist", "widgets:create");

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Test
    void aFailedRequestThatWasNotSampledIsKeptWithTheGatewaysTraceId(CapturedOutput output) {
        String traceId = "8af92f3577b34da6a3ce929d0e0e4736";
        double before = kept("error");

        Api.Response failed = Api.at(port).as(TOKEN).header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-00")
                .get("/api/v1/test-requests/broken");

        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.isProblem()).isTrue();
        assertThat(output.getOut()).contains("Kept trace " + traceId + ": GET /api/v1/test-requests/broken 500 in ")
                .contains("(error, not sampled)");
        assertThat(kept("error")).isEqualTo(before + 1);
    }

    @Test
    void aSlowRequestIsKeptAndAFastOneIsNot(CapturedOutput output) {
        String slowTrace = "9af92f3577b34da6a3ce929d0e0e4736";
        String fastTrace = "aaf92f3577b34da6a3ce929d0e0e4736";
        double before = kept("slow");

        assertThat(Api.at(port).as(TOKEN).header("traceparent", "00-" + slowTrace + "-00f067aa0ba902b7-01")
                .get("/api/v1/test-requests/slow").status()).isEqualTo(200);
        assertThat(Api.at(port).as(TOKEN).header("traceparent", "00-" + fastTrace + "-00f067aa0ba902b7-00")
                .get("/api/v1/test-requests/fast").status()).isEqualTo(200);
        // a refused token is the caller's 401, not ours
        assertThat(Api.at(port).as("not-a-token").header("traceparent", "00-" + fastTrace + "-00f067aa0ba902b7-00")
                .get("/api/v1/test-requests/fast").status()).isEqualTo(401);

        assertThat(output.getOut()).contains("Kept trace " + slowTrace + ": GET /api/v1/test-requests/slow 200 in ")
                .contains("(slow, sampled)")
                .doesNotContain("Kept trace " + fastTrace);
        assertThat(kept("slow")).isGreaterThanOrEqualTo(before + 1);
    }

    private double kept(String reason) {
        var counter = meters.find("forecourt.traces.kept").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    @TestConfiguration
    static class Requests {

        @Bean
        TestRequests testRequests() {
            return new TestRequests();
        }
    }

    @RestController
    static class TestRequests {

        @GetMapping("/api/v1/test-requests/broken")
        String broken() {
            throw new IllegalStateException("the store went away");
        }

        @GetMapping("/api/v1/test-requests/slow")
        String slow() throws InterruptedException {
            Thread.sleep(1_050); // forecourt.tracing.slow-threshold: 1 s
            return "{}";
        }

        @GetMapping("/api/v1/test-requests/fast")
        String fast() {
            return "{}";
        }
    }
}
