package dev.forecourt.oemsim.webhook;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The body of a {@code claim.status-changed} webhook, as the dealer's inbox reads it. */
public record ClaimStatusWebhook(String type, String claimNumber, int submission, String oemReference, String status,
                                 String reasonCode, String message, List<ApprovedLine> approvedLines, BigDecimal paidAmount,
                                 String paymentReference, String currency, boolean partReturnRequested, Instant occurredAt) {

    public static final String TYPE = "claim.status-changed";

    /** @param kind LABOUR or PART */
    public record ApprovedLine(String kind, String reference, BigDecimal amount) {
    }
}
