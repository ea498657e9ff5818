package dev.forecourt.claims.webhook;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import dev.forecourt.claims.claim.ClaimLine;
import dev.forecourt.claims.claim.ClaimStatus;
import dev.forecourt.claims.claim.OemVerdict;
import dev.forecourt.platform.money.Money;

/**
 * The body of the OEM's {@code claim.status-changed} webhook.
 *
 * @param submission the submission round the status answers (1 if the OEM leaves it out)
 * @param status     SUBMITTED, ACCEPTED, NEEDS_INFO, REJECTED, APPROVED or PAID
 */
public record OemStatusWebhook(String type, String claimNumber, Integer submission, String status, String reasonCode,
                               String message, List<ApprovedLine> approvedLines, BigDecimal paidAmount, String paymentReference,
                               String currency, Boolean partReturnRequested, Instant occurredAt) {

    /** @param kind LABOUR or PART; reference = the labour operation code or the part number */
    public record ApprovedLine(String kind, String reference, BigDecimal amount) {
    }

    /** @throws IllegalArgumentException for a status or line kind this service does not know */
    OemVerdict toVerdict() {
        if (claimNumber == null || status == null) {
            throw new IllegalArgumentException("claimNumber and status are required");
        }
        ClaimStatus claimStatus = ClaimStatus.valueOf(status);
        if (!claimStatus.isOemAnswer()) {
            throw new IllegalArgumentException("the OEM cannot report status " + status);
        }
        String money = currency == null ? Money.CNY : currency;
        List<OemVerdict.ApprovedLine> lines = approvedLines == null ? List.of() : approvedLines.stream()
                .map(l -> new OemVerdict.ApprovedLine(ClaimLine.Kind.valueOf(l.kind()), l.reference(), new Money(l.amount(), money)))
                .toList();
        return new OemVerdict(submission == null ? 1 : submission, claimStatus, reasonCode, message, lines,
                paidAmount == null ? null : new Money(paidAmount, money), paymentReference, Boolean.TRUE.equals(partReturnRequested));
    }
}
