package dev.forecourt.claims.claim;

import java.time.Instant;
import java.util.List;

import dev.forecourt.platform.money.Money;
import dev.forecourt.platform.web.Versioned;

/** A claim as the API shows it: content, priced lines with approved amounts, OEM answers, shipment and history. */
public record ClaimView(
        String id, String claimNumber, ClaimStatus status, ClaimSource source, String jobId, int submission,
        ClaimContent content, List<ClaimLine> lines, Money claimedAmount, Money approvedAmount, Money paidAmount,
        String paymentReference, String reasonCode, String oemMessage, String oemReference,
        Submission pendingSubmission, SubmissionRefusal submissionRefusal, GoodwillApproval goodwillApproval, PartReturn partReturn,
        Instant draftedAt, Instant submittedAt, Instant decidedAt, Instant paidAt, Instant updatedAt,
        Long version, List<HistoryEntry> history) implements Versioned {

    /** While SUBMISSION_PENDING: how the delivery to the OEM is going. */
    public record Submission(int attempts, Instant nextAttemptAt, String lastError) {
    }

    public static ClaimView of(WarrantyClaim c) {
        Submission pending = c.getStatus() == ClaimStatus.SUBMISSION_PENDING
                ? new Submission(c.getSubmissionAttempts(), c.getNextSubmissionAttemptAt(), c.getLastSubmissionError()) : null;
        return new ClaimView(c.getId(), c.getClaimNumber(), c.getStatus(), c.getSource(), c.getJobId(), c.getSubmission(),
                c.getContent(), c.getLines(), c.claimedAmount(), c.approvedAmount(), c.getPaidAmount(), c.getPaymentReference(),
                c.getReasonCode(), c.getOemMessage(), c.getOemReference(), pending,
                c.getStatus() == ClaimStatus.SUBMISSION_REFUSED ? c.getRefusal() : null, c.getGoodwillApproval(), c.getPartReturn(),
                c.getDraftedAt(), c.getSubmittedAt(), c.getDecidedAt(), c.getPaidAt(), c.getUpdatedAt(), c.getVersion(),
                c.getHistory());
    }
}
