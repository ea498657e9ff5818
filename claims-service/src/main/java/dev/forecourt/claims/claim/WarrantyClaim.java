package dev.forecourt.claims.claim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.domain.Lifecycle;
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.IllegalTransition;
import dev.forecourt.platform.errors.RuleViolated;
import dev.forecourt.platform.events.outbox.OutboxAggregate;
import dev.forecourt.platform.money.Money;

/**
 * A warranty claim to the OEM: DRAFT → (SUBMISSION_PENDING →) SUBMITTED → ACCEPTED / NEEDS_INFO /
 * REJECTED → APPROVED → PAID. NEEDS_INFO and REJECTED may be corrected and submitted again: each
 * submission is a new round, and the OEM's answers name the round they belong to, so an answer
 * to an earlier round never overrides a later one.
 */
@Document("warranty_claims")
public class WarrantyClaim extends OutboxAggregate {

    /** The OEM, as the author of its answers in the history. */
    public static final Actor OEM = new Actor("oem", "oem", "OEM", null);
    /** Parts-service, reporting the causal part's shipment. */
    public static final Actor PARTS = Actor.system("parts-service");

    @Id
    private String id;
    @Indexed(unique = true)
    private String claimNumber;
    private String storeId;
    private ClaimSource source;
    private String jobId;
    private ClaimStatus status;
    private ClaimContent content;
    private List<ClaimLine> lines = new ArrayList<>();
    private String currency;
    /** How many times the claim was put forward to the OEM (round 1, 2 after a correction, …). */
    private int submission;
    private String oemReference;
    private Instant nextSubmissionAttemptAt;
    private int submissionAttempts;
    private String lastSubmissionError;
    /** Why the OEM refused the current round, while SUBMISSION_REFUSED. */
    private SubmissionRefusal refusal;
    private String reasonCode;
    private String oemMessage;
    private Money paidAmount;
    private String paymentReference;
    private PartReturn partReturn;
    /** The service director's approval, for goodwill claims. */
    private GoodwillApproval goodwillApproval;
    private Instant draftedAt;
    private Instant submittedAt;
    private Instant decidedAt;
    private Instant paidAt;
    private Instant updatedAt;
    private List<HistoryEntry> history = new ArrayList<>();

    protected WarrantyClaim() {
        // for the mapping layer
    }

    public static WarrantyClaim draft(String id, String claimNumber, String storeId, ClaimSource source, String jobId,
                                      ClaimContent content, Money labourRate, Actor by, Instant at) {
        WarrantyClaim claim = new WarrantyClaim();
        claim.id = id;
        claim.claimNumber = claimNumber;
        claim.storeId = storeId;
        claim.source = source;
        claim.jobId = jobId;
        claim.status = ClaimStatus.DRAFT;
        claim.currency = labourRate.currency();
        claim.content = content;
        claim.lines = ClaimPricing.price(content, labourRate);
        claim.draftedAt = at;
        claim.updatedAt = at;
        claim.history.add(new HistoryEntry(at, null, ClaimStatus.DRAFT, by,
                source == ClaimSource.WARRANTY_JOB ? "drafted from warranty job " + jobId : "drafted by hand", null, null));
        claim.raise(new WarrantyClaimDrafted(id, claimNumber, source, content.repairOrderId(), jobId, content.vin(),
                content.brand(), claim.claimedAmount(), by.username(), at, content.claimType(), content.campaignCode()));
        return claim;
    }

    /** The administrator fixes what validation or the OEM found; only before submission or after NEEDS_INFO / REJECTED. */
    public void correct(ClaimContent corrected, Money labourRate, Actor by, Instant at) {
        if (!status.isCorrectable()) {
            throw new IllegalTransition("Claim " + claimNumber + " is with the OEM and cannot be changed", status);
        }
        corrected = keepingTheWorkshopsRoadServiceOrder(corrected);
        content = corrected;
        lines = ClaimPricing.price(corrected, labourRate);
        currency = labourRate.currency();
        updatedAt = at;
        history.add(new HistoryEntry(at, status, status, by, "content corrected", null, null));
        if (goodwillApproval != null && (!corrected.isGoodwill() || !goodwillApproval.amount().equals(claimedAmount()))) {
            goodwillApproval = null;
            history.add(new HistoryEntry(at, status, status, by,
                    "the service director's goodwill approval no longer applies: the claim changed", null, null));
        }
        raise(new WarrantyClaimCorrected(id, claimNumber, status, content.repairOrderId(), content.vin(), claimedAmount(),
                by.username(), at));
    }

    /**
     * The road-service order of a claim drafted from the workshop's warranty job is the workshop's record of
     * the trip: a correction keeps it (left out, or sent back as read) and cannot replace it with another
     * trip, so the claimed outside-service kilometres are always checked against what the van recorded.
     */
    private ClaimContent keepingTheWorkshopsRoadServiceOrder(ClaimContent corrected) {
        OutsideServiceOrder recorded = content.outsideServiceOrder();
        if (source != ClaimSource.WARRANTY_JOB || recorded == null) {
            return corrected;
        }
        OutsideServiceOrder sent = corrected.outsideServiceOrder();
        if (sent != null && !recorded.sameTripAs(sent)) {
            throw new RuleViolated("outside-service-order-from-workshop", "The road-service order is the workshop's record",
                    "Claim " + claimNumber + " carries the workshop's road-service order " + recorded.orderNumber()
                            + ": a different trip is corrected in the workshop, not on the claim",
                    new FieldProblem("outsideServiceOrder", "must stay road-service order " + recorded.orderNumber() + " (odometer "
                            + recorded.departureOdometerKm() + " km out, " + recorded.returnOdometerKm() + " km back)"));
        }
        return corrected.withOutsideServiceOrder(recorded);
    }

    /** Learns the handover time from the workshop when the claim was typed in without it. */
    public boolean learnHandover(Instant handedOverAt, Instant at) {
        if (content.handedOverAt() != null || !status.isCorrectable()) {
            return false;
        }
        content = content.withHandedOverAt(handedOverAt);
        updatedAt = at;
        return true;
    }

    /**
     * Puts the claim in the queue for the OEM. It leaves the queue only when the OEM confirms receipt,
     * so a claim is never lost while the OEM is down; resending is safe because the OEM keys
     * submissions by {@link #idempotencyKey()}.
     *
     * @param problems what the checks found on the claim as it is now ({@link ClaimChecks}); any refuses the submission
     */
    public void queueForSubmission(List<FieldProblem> problems, Actor by, Instant at, Instant retryAt) {
        queueForSubmission(problems, List.of(), by, at, retryAt);
    }

    /**
     * As above, naming in the refusal ({@code brokenRules}) the eligibility rules the claim breaks, e.g.
     * {@code three-guarantees-period}: outside them only a goodwill claim can be made.
     */
    public void queueForSubmission(List<FieldProblem> problems, List<String> brokenRules, Actor by, Instant at, Instant retryAt) {
        if (status == ClaimStatus.SUBMISSION_PENDING) {
            return;
        }
        if (!status.isCorrectable()) {
            throw new IllegalTransition("Claim " + claimNumber + " has already been submitted", status);
        }
        if (content.isGoodwill() && goodwillApproval == null) {
            throw new RuleViolated("goodwill-approval-required", "The service director has not approved this goodwill claim",
                    "Goodwill claim " + claimNumber + " goes to the OEM only after the service director approved it",
                    new FieldProblem("goodwillApproval", "a goodwill claim needs the service director's approval before submission"));
        }
        if (!problems.isEmpty()) {
            RuleViolated notReady = new RuleViolated("claim-not-ready", "The claim cannot be submitted yet",
                    problems.size() + " problem(s) must be fixed first"
                            + (brokenRules.isEmpty() ? "" : "; outside " + String.join(", ", brokenRules)),
                    problems.toArray(FieldProblem[]::new));
            throw brokenRules.isEmpty() ? notReady : notReady.with("brokenRules", List.copyOf(brokenRules));
        }
        ClaimStatus from = status;
        status = Lifecycle.requireTransition(status, ClaimStatus.SUBMISSION_PENDING);
        submission++;
        reasonCode = null;
        oemMessage = null;
        // The sender tries at once; the resender takes over from retryAt if that attempt never reports back.
        nextSubmissionAttemptAt = retryAt;
        submissionAttempts = 0;
        lastSubmissionError = null;
        refusal = null;
        updatedAt = at;
        history.add(new HistoryEntry(at, from, status, by, submission == 1 ? "submitted" : "resubmitted (round " + submission + ")", null, null));
        raise(new WarrantyClaimSubmissionRequested(id, claimNumber, submission, from, content.repairOrderId(), content.vin(),
                claimedAmount(), by.username(), at));
    }

    /**
     * The service director approves a goodwill claim for the amount claimed now; approving again
     * changes nothing. Only goodwill claims, and only before they go to the OEM.
     */
    public void approveGoodwill(Actor director, String note, Instant at) {
        if (!content.isGoodwill()) {
            throw new RuleViolated("not-a-goodwill-claim", "Only goodwill claims are approved by the service director",
                    "Claim " + claimNumber + " is a " + content.claimType() + " claim",
                    new FieldProblem("claimType", "must be GOODWILL to be approved"));
        }
        if (!status.isCorrectable()) {
            throw new IllegalTransition("Claim " + claimNumber + " is already with the OEM", status);
        }
        if (goodwillApproval != null && goodwillApproval.amount().equals(claimedAmount())) {
            return;
        }
        goodwillApproval = new GoodwillApproval(director, at, claimedAmount(), note);
        updatedAt = at;
        history.add(new HistoryEntry(at, status, status, director, "goodwill approved" + (note == null || note.isBlank() ? "" : ": " + note),
                null, null));
        raise(new GoodwillClaimApproved(id, claimNumber, content.repairOrderId(), content.vin(), claimedAmount(), director.username(),
                director.position(), note, at));
    }

    /** The OEM's idempotency key: the claim number, plus the round for resubmissions (a corrected claim is new content). */
    public String idempotencyKey() {
        return submission <= 1 ? claimNumber : claimNumber + "-" + submission;
    }

    /** The OEM confirmed receipt of this round. A late confirmation of an older round changes nothing. */
    public void submissionDelivered(int round, String reference, Instant at) {
        if (round != submission) {
            return;
        }
        if (reference != null) {
            oemReference = reference;
        }
        if (status == ClaimStatus.SUBMISSION_PENDING) {
            markSubmitted("received by the OEM", at);
        }
    }

    /** The OEM could not be reached (or failed): the claim stays queued and is tried again later. */
    public void submissionFailed(int round, String error, Instant retryAt, Instant at) {
        if (round != submission || status != ClaimStatus.SUBMISSION_PENDING) {
            return;
        }
        submissionAttempts++;
        lastSubmissionError = error;
        nextSubmissionAttemptAt = retryAt;
        updatedAt = at;
    }

    /**
     * The OEM refused this round as sent (a 4xx): sending it again unchanged would be refused again,
     * so the claim leaves the queue and shows the OEM's reason until the administrator corrects and
     * submits it again (a new round). A late refusal of an older round changes nothing.
     */
    public void submissionRefused(int round, int httpStatus, String reasonCode, String reason, Instant at) {
        if (round != submission || status != ClaimStatus.SUBMISSION_PENDING) {
            return;
        }
        ClaimStatus from = status;
        status = Lifecycle.requireTransition(status, ClaimStatus.SUBMISSION_REFUSED);
        refusal = new SubmissionRefusal(httpStatus, reasonCode, reason, at);
        nextSubmissionAttemptAt = null;
        lastSubmissionError = "HTTP " + httpStatus + ": " + reason;
        updatedAt = at;
        history.add(new HistoryEntry(at, from, status, OEM, "the OEM refused the submission (HTTP " + httpStatus + "): " + reason,
                reasonCode, null));
        raise(new WarrantyClaimSubmissionRefused(id, claimNumber, submission, content.repairOrderId(), content.vin(), httpStatus,
                reasonCode, reason, at));
    }

    /**
     * Applies a status the OEM reported by webhook. A webhook already applied, an answer to an older
     * round, or a status the claim cannot take from where it is (out-of-order delivery) changes nothing.
     */
    public VerdictOutcome applyOemVerdict(OemVerdict verdict, String webhookId, Instant at) {
        if (webhookId != null && history.stream().anyMatch(h -> webhookId.equals(h.webhookId()))) {
            return new VerdictOutcome.Ignored("webhook " + webhookId + " was already applied");
        }
        if (verdict.submission() != submission) {
            return new VerdictOutcome.Ignored("answers submission round " + verdict.submission() + ", the claim is in round " + submission);
        }
        if (status == ClaimStatus.SUBMISSION_PENDING) {
            // The OEM answered before its receipt reached us (or the receipt was lost): it evidently has the claim.
            markSubmitted("receipt implied by the OEM's status " + verdict.status(), at);
        }
        boolean partRequested = verdict.partReturnRequested() && requestCausalPart(at);
        if (!status.mayBecome(verdict.status())) {
            return partRequested ? new VerdictOutcome.Applied(status)
                    : new VerdictOutcome.Ignored("status " + verdict.status() + " is not after the current status " + status);
        }
        ClaimStatus from = status;
        status = Lifecycle.requireTransition(status, verdict.status());
        updatedAt = at;
        switch (verdict.status()) {
            case REJECTED -> {
                reasonCode = verdict.reasonCode() == null ? "UNSPECIFIED" : verdict.reasonCode();
                decidedAt = at;
            }
            case NEEDS_INFO -> oemMessage = verdict.message();
            case APPROVED -> {
                approve(verdict.approvedLines());
                decidedAt = at;
            }
            case PAID -> {
                if (verdict.approvedLines() != null && !verdict.approvedLines().isEmpty()) {
                    approve(verdict.approvedLines());
                }
                paidAmount = verdict.paidAmount() != null ? verdict.paidAmount() : approvedAmount();
                paymentReference = verdict.paymentReference();
                paidAt = at;
                decidedAt = decidedAt == null ? at : decidedAt;
            }
            default -> { }
        }
        if (verdict.message() != null && verdict.status() != ClaimStatus.NEEDS_INFO) {
            oemMessage = verdict.message();
        }
        history.add(new HistoryEntry(at, from, status, OEM, describe(verdict), verdict.status() == ClaimStatus.REJECTED ? reasonCode : null, webhookId));
        raise(new WarrantyClaimStatusChanged(id, claimNumber, from, status, reasonCode, verdict.message(), at));
        if (status == ClaimStatus.PAID) {
            raise(new WarrantyClaimPaid(id, claimNumber, content.repairOrderId(), claimedAmount(), approvedAmount(), paidAmount,
                    paymentReference, at));
        }
        return new VerdictOutcome.Applied(status);
    }

    /** Parts-service shipped the retained causal part to the OEM. */
    public boolean causalPartShipped(String retainedPartId, Instant shippedAt, String shippedBy, Instant at) {
        if (partReturn == null || partReturn.isShipped()) {
            return false;
        }
        partReturn = partReturn.shipped(retainedPartId, shippedAt, shippedBy);
        updatedAt = at;
        history.add(new HistoryEntry(at, status, status, PARTS, "causal part " + partReturn.partNumber() + " shipped to the OEM"
                + (shippedBy == null ? "" : " by " + shippedBy), null, null));
        return true;
    }

    private boolean requestCausalPart(Instant at) {
        if (partReturn != null) {
            return false;
        }
        partReturn = new PartReturn(content.causalPartNumber(), at, null, null, null);
        history.add(new HistoryEntry(at, status, status, OEM, "the OEM asks for causal part " + content.causalPartNumber(), null, null));
        raise(new CausalPartRequested(id, claimNumber, content.repairOrderId(), content.vin(), content.causalPartNumber(), at));
        return true;
    }

    private void markSubmitted(String note, Instant at) {
        ClaimStatus from = status;
        status = Lifecycle.requireTransition(status, ClaimStatus.SUBMITTED);
        submittedAt = at;
        nextSubmissionAttemptAt = null;
        lastSubmissionError = null;
        updatedAt = at;
        history.add(new HistoryEntry(at, from, status, OEM, note, null, null));
        raise(new WarrantyClaimSubmitted(id, claimNumber, submission, content.repairOrderId(), content.vin(), claimedAmount(),
                oemReference, at));
    }

    private void approve(List<OemVerdict.ApprovedLine> approved) {
        List<ClaimLine> updated = new ArrayList<>();
        for (ClaimLine line : lines) {
            Money amount = approved.stream().filter(a -> line.matches(a.kind(), a.reference()))
                    .map(OemVerdict.ApprovedLine::amount).reduce(Money::plus).orElse(Money.zero(currency));
            updated.add(line.withApproved(amount));
        }
        lines = updated;
    }

    private static String describe(OemVerdict verdict) {
        StringBuilder note = new StringBuilder("OEM: ").append(verdict.status());
        if (verdict.reasonCode() != null) {
            note.append(" (").append(verdict.reasonCode()).append(')');
        }
        if (verdict.message() != null) {
            note.append(" — ").append(verdict.message());
        }
        return note.toString();
    }

    public Money claimedAmount() {
        return ClaimPricing.total(lines, ClaimLine::claimed, currency);
    }

    /** Null until the OEM approved something. */
    public Money approvedAmount() {
        boolean anyApproved = lines.stream().anyMatch(l -> l.approved() != null);
        return anyApproved ? ClaimPricing.total(lines, ClaimLine::approved, currency) : null;
    }

    public String getId() { return id; }
    public String getClaimNumber() { return claimNumber; }
    public String getStoreId() { return storeId; }
    public ClaimSource getSource() { return source; }
    public String getJobId() { return jobId; }
    public ClaimStatus getStatus() { return status; }
    public ClaimContent getContent() { return content; }
    public List<ClaimLine> getLines() { return List.copyOf(lines); }
    public String getCurrency() { return currency; }
    public int getSubmission() { return submission; }
    public String getOemReference() { return oemReference; }
    public Instant getNextSubmissionAttemptAt() { return nextSubmissionAttemptAt; }
    public int getSubmissionAttempts() { return submissionAttempts; }
    public String getLastSubmissionError() { return lastSubmissionError; }
    public SubmissionRefusal getRefusal() { return refusal; }
    public String getReasonCode() { return reasonCode; }
    public String getOemMessage() { return oemMessage; }
    public Money getPaidAmount() { return paidAmount; }
    public String getPaymentReference() { return paymentReference; }
    public PartReturn getPartReturn() { return partReturn; }
    public GoodwillApproval getGoodwillApproval() { return goodwillApproval; }
    public Instant getDraftedAt() { return draftedAt; }
    public Instant getSubmittedAt() { return submittedAt; }
    public Instant getDecidedAt() { return decidedAt; }
    public Instant getPaidAt() { return paidAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public List<HistoryEntry> getHistory() { return List.copyOf(history); }
}
