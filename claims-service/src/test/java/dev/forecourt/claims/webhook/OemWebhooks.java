package dev.forecourt.claims.webhook;

import java.time.Instant;
import java.util.UUID;

import dev.forecourt.oemsim.webhook.WebhookSigner;
import dev.forecourt.platform.test.Api;

/** Posts OEM status webhooks to the service, signed as the OEM (simulator) signs them, or forged. */
final class OemWebhooks {

    static final String SECRET = "whsec_Zm9yZWNvdXJ0LWRldi1vZW0tc2VjcmV0";
    static final String PATH = "/webhooks/oem/claim-status";

    private final int port;
    private final WebhookSigner signer = new WebhookSigner(SECRET);

    OemWebhooks(int port) {
        this.port = port;
    }

    static String newId() {
        return "msg_" + UUID.randomUUID();
    }

    static String status(String claimNumber, int submission, String status) {
        return status(claimNumber, submission, status, "");
    }

    /** @param extra further JSON members, starting with a comma */
    static String status(String claimNumber, int submission, String status, String extra) {
        return """
                {"type":"claim.status-changed","claimNumber":"%s","submission":%d,"status":"%s","currency":"CNY"%s}"""
                .formatted(claimNumber, submission, status, extra);
    }

    Api.Response post(String webhookId, String body) {
        return post(webhookId, Instant.now().getEpochSecond(), body);
    }

    Api.Response post(String webhookId, long timestamp, String body) {
        return send(webhookId, timestamp, signer.sign(webhookId, timestamp, body), body);
    }

    Api.Response send(String webhookId, long timestamp, String signature, String body) {
        Api api = Api.at(port).checked().header("webhook-id", webhookId).header("webhook-timestamp", Long.toString(timestamp));
        if (signature != null) {
            api = api.header("webhook-signature", signature);
        }
        return api.post(PATH, body);
    }
}
