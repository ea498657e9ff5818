package dev.forecourt.claims.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.claims.submission.OemProperties;
import dev.forecourt.platform.errors.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The OEM's status webhooks. The path carries no staff token (it is a public path) and is
 * protected by the signature instead. A webhook is verified, stored and answered at once; the
 * claim is updated from the stored inbox, so a slow or failing update never makes the OEM retry.
 */
@RestController
@Tag(name = "OEM webhooks", description = "Signed (Standard Webhooks) status updates from the OEM")
public class OemWebhookController {

    private final WebhookSignatureVerifier verifier;
    private final OemWebhookInbox inbox;
    private final InboxProcessor processor;
    private final Clock clock;
    private final MeterRegistry meters;

    public OemWebhookController(OemProperties oem, OemWebhookInbox inbox, InboxProcessor processor, Clock clock, MeterRegistry meters) {
        this.verifier = new WebhookSignatureVerifier(oem.webhookSecret());
        this.inbox = inbox;
        this.processor = processor;
        this.clock = clock;
        this.meters = meters;
    }

    /** What the OEM is told: the webhook is kept (RECEIVED) or was kept before (DUPLICATE). */
    public record WebhookReceipt(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String webhookId,
                                 @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"RECEIVED", "DUPLICATE"}) String state) {
    }

    @PostMapping("/webhooks/oem/claim-status")
    @SecurityRequirements
    @Operation(summary = "Receive a signed claim status from the OEM (webhook-id, webhook-timestamp, webhook-signature)",
            operationId = "receiveOemClaimStatus",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    description = "The OEM's claim.status-changed body, byte for byte as signed",
                    content = @Content(mediaType = "application/json")))
    @ApiResponse(responseCode = "202", description = "Verified and kept: it is applied to the claim from the inbox (state RECEIVED)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WebhookReceipt.class)))
    @ApiResponse(responseCode = "200", description = "A redelivery of a webhook kept before (state DUPLICATE): acknowledged, not applied again",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WebhookReceipt.class)))
    @ApiResponse(responseCode = "401", description = "A webhook header is missing, no signature matches a configured secret, "
            + "or webhook-timestamp is more than 5 minutes off (type webhook-signature)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(responseCode = "413", description = "The body exceeds 1 MiB (type payload-too-large), also when sent chunked",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
    public ResponseEntity<WebhookReceipt> receive(@RequestHeader(name = "webhook-id", required = false) String id,
                                                       @RequestHeader(name = "webhook-timestamp", required = false) String timestamp,
                                                       @RequestHeader(name = "webhook-signature", required = false) String signature,
                                                       InputStream raw) throws IOException {
        // the bytes exactly as signed: read raw, never through a JSON reader (which would re-encode or refuse them),
        // and never past the body limit (413 at once; a chunked body declares no length the platform could refuse)
        byte[] body = WebhookBody.read(raw);
        Instant now = clock.instant();
        WebhookSignatureVerifier.Result result = verifier.verify(id, timestamp, body, signature, now);
        meters.counter("forecourt.claims.webhooks.received", "verification", result.name().toLowerCase()).increment();
        if (result != WebhookSignatureVerifier.Result.VALID) {
            throw new ProblemException(HttpStatus.UNAUTHORIZED, "webhook-signature", "Webhook not verified", switch (result) {
                case MISSING_HEADERS -> "webhook-id, webhook-timestamp and webhook-signature are required";
                case TIMESTAMP_OUT_OF_TOLERANCE -> "webhook-timestamp is more than 5 minutes away from now";
                default -> "no signature in webhook-signature matches";
            });
        }
        String text = new String(body, StandardCharsets.UTF_8);
        if (!inbox.keep(InboxEntry.received(id, now, Long.parseLong(timestamp.trim()), text))) {
            // A redelivery (our earlier answer may have been lost): acknowledge it again, apply it never again.
            return ResponseEntity.ok(new WebhookReceipt(id, "DUPLICATE"));
        }
        processor.nudge();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new WebhookReceipt(id, "RECEIVED"));
    }
}
