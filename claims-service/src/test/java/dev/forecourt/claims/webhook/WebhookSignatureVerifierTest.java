package dev.forecourt.claims.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.forecourt.claims.webhook.WebhookSignatureVerifier.Result;
import dev.forecourt.oemsim.webhook.WebhookSigner;

/** The OEM simulator's signatures verify with this service's verifier: both follow Standard Webhooks. */
class WebhookSignatureVerifierTest {

    static final String SECRET = "whsec_Zm9yZWNvdXJ0LWRldi1vZW0tc2VjcmV0";
    static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z");
    static final String BODY = "{\"claimNumber\":\"WC-1\",\"status\":\"PAID\"}";

    final WebhookSignatureVerifier verifier = new WebhookSignatureVerifier(SECRET);

    @Test
    void theSimulatorsSignatureVerifies() {
        long ts = NOW.getEpochSecond();
        String signature = new WebhookSigner(SECRET).sign("msg_1", ts, BODY);

        assertThat(signature).startsWith("v1,");
        assertThat(verifier.verify("msg_1", Long.toString(ts), bytes(BODY), signature, NOW)).isEqualTo(Result.VALID);
    }

    @Test
    void theSignatureMatchesTheStandardWebhooksReferenceVector() {
        // The example of the Standard Webhooks specification (secret, id, timestamp, body → signature).
        WebhookSignatureVerifier reference = new WebhookSignatureVerifier("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        String body = "{\"test\": 2432232314}";
        Instant at = Instant.ofEpochSecond(1614265330);

        assertThat(reference.verify("msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330", bytes(body),
                "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", at)).isEqualTo(Result.VALID);
        assertThat(new WebhookSigner("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void oneMatchingSignatureAmongSeveralIsEnoughForKeyRotation() {
        long ts = NOW.getEpochSecond();
        String old = new WebhookSigner("whsec_b2xkLXNlY3JldA==").sign("msg_1", ts, BODY);
        String current = new WebhookSigner(SECRET).sign("msg_1", ts, BODY);

        assertThat(verifier.verify("msg_1", Long.toString(ts), bytes(BODY), old + " " + current, NOW)).isEqualTo(Result.VALID);
        assertThat(verifier.verify("msg_1", Long.toString(ts), bytes(BODY), old, NOW)).isEqualTo(Result.BAD_SIGNATURE);
    }

    @Test
    void aChangedBodyIdOrTimestampBreaksTheSignature() {
        long ts = NOW.getEpochSecond();
        String signature = new WebhookSigner(SECRET).sign("msg_1", ts, BODY);

        assertThat(verifier.verify("msg_1", Long.toString(ts), bytes(BODY.replace("PAID", "APPROVED")), signature, NOW))
                .isEqualTo(Result.BAD_SIGNATURE);
        assertThat(verifier.verify("msg_2", Long.toString(ts), bytes(BODY), signature, NOW)).isEqualTo(Result.BAD_SIGNATURE);
        assertThat(verifier.verify("msg_1", Long.toString(ts - 1), bytes(BODY), signature, NOW)).isEqualTo(Result.BAD_SIGNATURE);
    }

    @Test
    void timestampsMoreThanFiveMinutesAwayAreRefused() {
        long ts = NOW.minusSeconds(301).getEpochSecond();
        String signature = new WebhookSigner(SECRET).sign("msg_1", ts, BODY);

        assertThat(verifier.verify("msg_1", Long.toString(ts), bytes(BODY), signature, NOW)).isEqualTo(Result.TIMESTAMP_OUT_OF_TOLERANCE);
        assertThat(verifier.verify("msg_1", "yesterday", bytes(BODY), signature, NOW)).isEqualTo(Result.TIMESTAMP_OUT_OF_TOLERANCE);
        assertThat(verifier.verify("msg_1", null, bytes(BODY), signature, NOW)).isEqualTo(Result.MISSING_HEADERS);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static final String ROTATED = "whsec_Zm9yZWNvdXJ0LXJvdGF0ZWQtb2VtLXNlY3JldA==";

    @Test
    void duringASecretRotationAWebhookSignedWithEitherListedSecretIsAccepted() {
        WebhookSignatureVerifier rotating = new WebhookSignatureVerifier(ROTATED + "  " + SECRET);
        long ts = NOW.getEpochSecond();

        assertThat(rotating.secrets()).isEqualTo(2);
        assertThat(rotating.verify("msg_1", Long.toString(ts), bytes(BODY), new WebhookSigner(SECRET).sign("msg_1", ts, BODY), NOW))
                .isEqualTo(Result.VALID);
        assertThat(rotating.verify("msg_1", Long.toString(ts), bytes(BODY), new WebhookSigner(ROTATED).sign("msg_1", ts, BODY), NOW))
                .isEqualTo(Result.VALID);
    }

    @Test
    void aWebhookSignedWithASecretDroppedFromTheListIsRefused() {
        WebhookSignatureVerifier rotated = new WebhookSignatureVerifier(ROTATED);
        long ts = NOW.getEpochSecond();

        assertThat(rotated.verify("msg_1", Long.toString(ts), bytes(BODY), new WebhookSigner(SECRET).sign("msg_1", ts, BODY), NOW))
                .isEqualTo(Result.BAD_SIGNATURE);
    }

    @Test
    void aSignatureForgedWithoutAnyListedSecretIsRefusedWhateverTheListLength() {
        WebhookSignatureVerifier rotating = new WebhookSignatureVerifier(ROTATED + " " + SECRET);
        long ts = NOW.getEpochSecond();
        String forged = new WebhookSigner("whsec_cmV0aXJlZC1vZW0tc2VjcmV0").sign("msg_1", ts, BODY);

        assertThat(rotating.verify("msg_1", Long.toString(ts), bytes(BODY), forged, NOW)).isEqualTo(Result.BAD_SIGNATURE);
        assertThat(rotating.verify("msg_1", Long.toString(ts), bytes(BODY), "v1, v2,abc v1,!!!", NOW)).isEqualTo(Result.BAD_SIGNATURE);
    }

    @Test
    void aMalformedSecretInTheListIsNamedByPositionWithoutRevealingIt() {
        assertThatThrownBy(() -> new WebhookSignatureVerifier(SECRET + " whsec_not*base64!"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("OEM webhook secret 2 of 2 is not whsec_<base64>")
                .hasMessageNotContaining("not*base64");
        assertThatThrownBy(() -> new WebhookSignatureVerifier("  ")).isInstanceOf(IllegalArgumentException.class);
    }
}
