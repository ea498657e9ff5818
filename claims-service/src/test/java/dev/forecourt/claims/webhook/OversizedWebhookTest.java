package dev.forecourt.claims.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.forecourt.claims.ClaimsIntegrationTest;
import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.ContractCheck;

/** The OEM webhook reads its body raw (as signed), so the body limit must hold in its own reading too. */
class OversizedWebhookTest extends ClaimsIntegrationTest {

    private static final long TEN_MB = 10L * 1024 * 1024;

    @Test
    void aTenMegabyteChunkedWebhookBodyIsRefusedWith413ProblemQuicklyNotA500() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        // no declared length: sent with Transfer-Encoding: chunked, so only reading can find the size
        HttpRequest upload = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + OemWebhooks.PATH))
                .header("Content-Type", "application/json").header("webhook-id", OemWebhooks.newId())
                .header("webhook-timestamp", Long.toString(java.time.Instant.now().getEpochSecond()))
                .header("webhook-signature", "v1,AAAA").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new EndlessJsonString(TEN_MB))).build();

        long started = System.nanoTime();
        HttpResponse<String> answer = http.send(upload, HttpResponse.BodyHandlers.ofString());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json").doesNotContainIgnoringCase("ISO-8859-1"));
        assertThat(answer.body()).contains("payload-too-large").contains("\"status\":413");
        assertThat(took).as("until the answer").isLessThan(Duration.ofSeconds(5));
        assertThat(new ContractCheck(Api.at(port), List.of("/v3/api-docs")).problems("POST", OemWebhooks.PATH, Map.of(), null,
                new Api.Response(answer.statusCode(), answer.headers().map(), answer.body()))).as("the 413 is documented").isEmpty();
        // and the receiver still takes the OEM's real webhooks
        assertThat(new OemWebhooks(port).post(OemWebhooks.newId(), OemWebhooks.status(unique("WC-after-413"), 1, "ACCEPTED")).status())
                .isEqualTo(202);
    }

    /** {"a":"aaaa… — a JSON string that never ends, made up as it is read. */
    private static final class EndlessJsonString extends InputStream {
        private final long size;
        private long served;

        EndlessJsonString(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (served >= size) {
                return -1;
            }
            return served++ < 6 ? "{\"a\":\"".charAt((int) served - 1) : 'a';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (served >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - served);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = (byte) read();
            }
            return n;
        }
    }
}
