package dev.forecourt.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * Over-size bodies are refused at the gateway, streamed or declared, on every route. The requests
 * are written on a raw socket: an HTTP client library would buffer or re-frame the body.
 */
class BodyLimitTest extends GatewayTestBase {

    private static final int TEN_MB = 10 * 1024 * 1024;

    @Test
    void aTenMegabyteChunkedBodyToSignInIsRefusedWith413AndNeverReachesHr() throws Exception {
        String answer = sendChunked("/api/v1/auth/token", null, TEN_MB);

        assertProblem413(answer);
        assertThat(Downstreams.of("hr").getAllServeEvents()).isEmpty();
    }

    @Test
    void aTenMegabyteChunkedBodyToAnOemWebhookIsRefusedWith413AndNeverReachesClaims() throws Exception {
        String answer = sendChunked("/webhooks/oem/claim-status", null, TEN_MB);

        assertProblem413(answer);
        assertThat(Downstreams.of("claims").getAllServeEvents()).isEmpty();
    }

    @Test
    void aTenMegabyteChunkedBodyWithAStaffTokenIsRefusedWith413AndNeverReachesCrm() throws Exception {
        String answer = sendChunked("/api/v1/customers", TestTokens.valid(), TEN_MB);

        assertProblem413(answer);
        assertThat(Downstreams.of("crm").getAllServeEvents()).isEmpty();
    }

    @Test
    void aDeclaredTenMegabyteContentLengthIsRefusedWith413AndNeverReachesTheService() throws Exception {
        byte[] body = new byte[TEN_MB];
        Arrays.fill(body, (byte) 'a');
        String head = "POST /api/v1/auth/token HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";

        String answer = exchange(out -> {
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
        });

        assertProblem413(answer);
        assertThat(Downstreams.of("hr").getAllServeEvents()).isEmpty();
    }

    @Test
    void aChunkedBodyWithinTheLimitIsPassedOnWholeWithItsLength() throws Exception {
        String answer = sendChunked("/api/v1/auth/token", null, 200_000);

        assertThat(answer).startsWith("HTTP/1.1 200");
        Downstreams.of("hr").verify(1, postRequestedFor(urlEqualTo("/api/v1/auth/token"))
                .withHeader("Content-Length", equalTo("200000")));
        assertThat(Downstreams.of("hr").getAllServeEvents().get(0).getRequest().getBody()).hasSize(200_000);
    }

    private static void assertProblem413(String answer) {
        assertThat(answer).startsWith("HTTP/1.1 413");
        assertThat(answer).containsIgnoringCase("content-type: application/problem+json");
        assertThat(answer).contains("\"type\":\"https://forecourt.dev/problems/payload-too-large\"", "\"status\":413");
    }

    /** A JSON body of {@code size} bytes sent in 8 KiB chunks. */
    private String sendChunked(String path, String token, int size) throws Exception {
        String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                + "Transfer-Encoding: chunked\r\n\r\n";
        return exchange(out -> {
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[8192];
            Arrays.fill(chunk, (byte) ' ');
            chunk[0] = '[';
            int sent = 0;
            while (sent < size) {
                int n = Math.min(chunk.length, size - sent);
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk, 0, n);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                chunk[0] = ' ';
                sent += n;
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        });
    }

    private String exchange(RawHttp.Writer writer) throws Exception {
        return RawHttp.exchange(port, writer);
    }
}
