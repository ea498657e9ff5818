package dev.forecourt.claims.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import dev.forecourt.platform.errors.ProblemException;

class WebhookBodyTest {

    private static final long TEN_MB = 10L * 1024 * 1024;

    @Test
    void aTenMegabyteWebhookBodyIsRefusedWith413AfterReadingNoMoreThanTheLimit() {
        Endless upload = new Endless(TEN_MB);

        ProblemException refused = catchThrowableOfType(ProblemException.class, () -> WebhookBody.read(upload));

        assertThat(refused.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(refused.type()).isEqualTo("payload-too-large");
        assertThat(upload.served).as("bytes read of the 10 MB body").isLessThanOrEqualTo(WebhookBody.LIMIT + 1L);
    }

    @Test
    void aBodyOfExactlyTheLimitIsReadAsItIs() throws IOException {
        assertThat(WebhookBody.read(new Endless(WebhookBody.LIMIT))).hasSize(WebhookBody.LIMIT);
        byte[] status = "{\"claimNumber\":\"WC-1\",\"status\":\"ACCEPTED\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookBody.read(new ByteArrayInputStream(status))).isEqualTo(status);
    }

    /** {@code size} bytes made up as they are read, counting how many were asked for. */
    private static final class Endless extends InputStream {
        private final long size;
        long served;

        Endless(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (served >= size) {
                return -1;
            }
            served++;
            return 'a';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (served >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - served);
            java.util.Arrays.fill(buffer, offset, offset + n, (byte) 'a');
            served += n;
            return n;
        }
    }
}
