package dev.forecourt.claims.claim;

import java.util.List;

import dev.forecourt.platform.money.Money;

/**
 * A status the OEM reported for one submission round of a claim, already read from its webhook.
 *
 * @param submission    the submission round the status answers (older rounds are ignored)
 * @param approvedLines amounts approved per line (APPROVED)
 * @param paidAmount    the amount paid (PAID)
 * @param partReturnRequested the OEM wants the causal part shipped back
 */
public record OemVerdict(int submission, ClaimStatus status, String reasonCode, String message,
                         List<ApprovedLine> approvedLines, Money paidAmount, String paymentReference,
                         boolean partReturnRequested) {

    public OemVerdict {
        approvedLines = approvedLines == null ? List.of() : List.copyOf(approvedLines);
    }

    public record ApprovedLine(ClaimLine.Kind kind, String reference, Money amount) {
    }
}
