package dev.forecourt.claims.webhook;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A verified OEM webhook, stored before it is answered: keyed by {@code webhook-id}, so a
 * redelivery is recognised and has no second effect, and processed afterwards from here.
 *
 * @param body     the raw body as signed, kept for the archive and for reprocessing
 * @param outcome  what processing did or why it did nothing
 * @param leaseUntil until when one processor has claimed the entry
 */
@Document("oem_webhook_inbox")
public record InboxEntry(@Id String id, Instant receivedAt, long webhookTimestamp, String body, InboxState state,
                         String claimNumber, String outcome, int attempts, Instant leaseUntil, Instant processedAt) {

    public enum InboxState {
        RECEIVED,
        APPLIED,
        /** Valid but without effect: an older status than the claim's (out-of-order delivery). */
        IGNORED,
        /** No claim with that number: kept and reported, not dropped. */
        UNKNOWN_CLAIM,
        UNREADABLE,
        FAILED
    }

    static InboxEntry received(String id, Instant at, long timestamp, String body) {
        return new InboxEntry(id, at, timestamp, body, InboxState.RECEIVED, null, null, 0, null, null);
    }
}
