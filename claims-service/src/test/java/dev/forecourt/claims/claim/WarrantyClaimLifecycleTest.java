package dev.forecourt.claims.claim;

import static dev.forecourt.claims.claim.ClaimFixtures.ADMINISTRATOR;
import static dev.forecourt.claims.claim.ClaimFixtures.NOW;
import static dev.forecourt.claims.claim.ClaimFixtures.RATE;
import static dev.forecourt.claims.claim.ClaimFixtures.verdict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.IllegalTransition;
import dev.forecourt.platform.errors.RuleViolated;
import dev.forecourt.platform.money.Money;

class WarrantyClaimLifecycleTest {

    @Test
    void aDraftIsPricedWithTheBrandsLabourRateAndAnnounced() {
        WarrantyClaim claim = ClaimFixtures.draft();

        assertThat(claim.getStatus()).isEqualTo(ClaimStatus.DRAFT);
        assertThat(claim.claimedAmount()).isEqualTo(Money.cny("328.00")); // 1.5 h × 160 + 88
        assertThat(claim.newEvents()).singleElement().isInstanceOf(WarrantyClaimDrafted.class);
    }

    @Test
    void aQueuedClaimBecomesSubmittedOnlyWhenTheOemConfirmsReceipt() {
        WarrantyClaim claim = ClaimFixtures.draft();
        claim.queueForSubmission(List.of(), ADMINISTRATOR, NOW, NOW.plusSeconds(30));
        assertThat(claim.getStatus()).isEqualTo(ClaimStatus.SUBMISSION_PENDING);

        claim.submissionFailed(1, "HTTP 500", NOW.plusSeconds(30), NOW);
        assertThat(claim.getStatus()).isEqualTo(ClaimStatus.SUBMISSION_PENDING);
        assertThat(claim.getSubmissionAttempts()).isEqualTo(1);

        claim.submissionDelivered(1, "OEM-9", NOW);
        claim.submissionDelivered(1, "OEM-9", NOW);
        assertThat(claim.getStatus()).isEqualTo(ClaimStatus.SUBMITTED);
        assertThat(claim.newEvents().stream().filter(WarrantyClaimSubmitted.class::isInstance)).hasSize(1);
        assertThat(claim.idempotencyKey()).isEqualTo(claim.getClaimNumber());
    }

    @Test
    void aPaidClaimIgnoresOlderStatusesArrivingLate() {
        WarrantyClaim claim = ClaimFixtures.submitted();
        assertThat(claim.applyOemVerdict(verdict(1, ClaimStatus.PAID), "w-paid", NOW)).isEqualTo(new VerdictOutcome.Applied(ClaimStatus.PAID));

        assertThat(ignoredBecause(claim.applyOemVerdict(verdict(1, ClaimStatus.SUBMITTED), "w-late-1", NOW))).contains("not after");
        assertThat(ignoredBecause(claim.applyOemVerdict(verdict(1, ClaimStatus.APPROVED), "w-late-2", NOW))).contains("not after");
        assertThat(claim.getStatus()).isEqualTo(ClaimStatus.PAID);
    }

    @Test
    void theSameWebhookNeverAppliesTwice() {
        WarrantyClaim claim = ClaimFixtures.submitted();
        claim.applyOemVerdict(verdict(1, ClaimStatus.ACCEPTED), "w-1", NOW);

        assertThat(ignoredBecause(claim.applyOemVerdict(verdict(1, ClaimStatus.APPROVED), "w-1", NOW))).contains("already applied");
        assertThat(claim.getStatus()).isEqualTo(ClaimStatus.ACCEPTED);
    }

    @Test
    void aClaimSentBackForInformationIsCorrectedAndResubmittedAsANewRoundThatOldAnswersCannotTouch() {
        WarrantyClaim claim = ClaimFixtures.submitted();
        claim.applyOemVerdict(new OemVerdict(1, ClaimStatus.NEEDS_INFO, null, "Describe the cause", List.of(), null, null, false), "w-1", NOW);
        assertThat(claim.getOemMessage()).isEqualTo("Describe the cause");

        claim.correct(ClaimFixtures.complete(), RATE, ADMINISTRATOR, NOW);
        claim.queueForSubmission(List.of(), ADMINISTRATOR, NOW, NOW.plusSeconds(30));
        claim.submissionDelivered(2, "OEM-1", NOW);

        assertThat(claim.getSubmission()).isEqualTo(2);
        assertThat(claim.idempotencyKey()).isEqualTo(claim.getClaimNumber() + "-2");
        assertThat(ignoredBecause(claim.applyOemVerdict(verdict(1, ClaimStatus.REJECTED), "w-old", NOW))).contains("round 1");
        assertThat(claim.getStatus()).isEqualTo(ClaimStatus.SUBMITTED);
        assertThat(claim.applyOemVerdict(verdict(2, ClaimStatus.ACCEPTED), "w-2", NOW)).isInstanceOf(VerdictOutcome.Applied.class);
        assertThat(claim.getStatus()).isEqualTo(ClaimStatus.ACCEPTED);
    }

    @Test
    void aClaimWithTheOemCannotBeChanged() {
        WarrantyClaim claim = ClaimFixtures.submitted();

        assertThatThrownBy(() -> claim.correct(ClaimFixtures.complete(), RATE, ADMINISTRATOR, NOW))
                .isInstanceOf(IllegalTransition.class).hasMessageContaining("cannot be changed")
                .extracting(e -> ((IllegalTransition) e).currentState()).isEqualTo("SUBMITTED");
        assertThatThrownBy(() -> claim.queueForSubmission(List.of(), ADMINISTRATOR, NOW, NOW))
                .isInstanceOf(IllegalTransition.class);
    }

    @Test
    void approvalRecordsTheAmountPerLineAndPaymentAnnouncesThePaidClaim() {
        WarrantyClaim claim = ClaimFixtures.submitted();
        claim.applyOemVerdict(new OemVerdict(1, ClaimStatus.APPROVED, null, null, List.of(
                new OemVerdict.ApprovedLine(ClaimLine.Kind.LABOUR, "1734", Money.cny("200.00")),
                new OemVerdict.ApprovedLine(ClaimLine.Kind.PART, "06L115562B", Money.cny("88.00"))), null, null, false), "w-1", NOW);
        claim.applyOemVerdict(new OemVerdict(1, ClaimStatus.PAID, null, null, List.of(), Money.cny("288.00"), "PAY-1", false), "w-2", NOW);

        assertThat(claim.getLines()).extracting(ClaimLine::approved).containsExactly(Money.cny("200.00"), Money.cny("88.00"));
        assertThat(claim.approvedAmount()).isEqualTo(Money.cny("288.00"));
        assertThat(claim.newEvents()).filteredOn(WarrantyClaimPaid.class::isInstance).singleElement()
                .extracting(e -> ((WarrantyClaimPaid) e).paidAmount()).isEqualTo(Money.cny("288.00"));
    }

    @Test
    void anAnswerBeforeTheReceiptImpliesTheOemHasTheClaim() {
        WarrantyClaim claim = ClaimFixtures.draft();
        claim.queueForSubmission(List.of(), ADMINISTRATOR, NOW, NOW.plusSeconds(30));

        claim.applyOemVerdict(verdict(1, ClaimStatus.ACCEPTED), "w-1", NOW);

        assertThat(claim.getStatus()).isEqualTo(ClaimStatus.ACCEPTED);
        assertThat(claim.newEvents()).hasAtLeastOneElementOfType(WarrantyClaimSubmitted.class);
    }

    @Test
    void theCausalPartIsRequestedOnceAndItsShipmentShown() {
        WarrantyClaim claim = ClaimFixtures.submitted();
        claim.applyOemVerdict(new OemVerdict(1, ClaimStatus.ACCEPTED, null, null, List.of(), null, null, true), "w-1", NOW);
        claim.applyOemVerdict(new OemVerdict(1, ClaimStatus.APPROVED, null, null, List.of(), null, null, true), "w-2", NOW);

        assertThat(claim.newEvents()).filteredOn(CausalPartRequested.class::isInstance).hasSize(1);
        assertThat(claim.causalPartShipped("rp-1", NOW, "storekeeper", NOW)).isTrue();
        assertThat(claim.causalPartShipped("rp-1", NOW, "storekeeper", NOW)).isFalse();
        assertThat(claim.getPartReturn().retainedPartId()).isEqualTo("rp-1");
    }

    @Test
    void aClaimWithProblemsCannotBeQueuedAndTheProblemsAreNamed() {
        WarrantyClaim claim = ClaimFixtures.draft();

        assertThatThrownBy(() -> claim.queueForSubmission(List.of(new FieldProblem("cause", "is required")), ADMINISTRATOR, NOW, NOW))
                .isInstanceOfSatisfying(RuleViolated.class, e -> {
                    assertThat(e.type()).isEqualTo("claim-not-ready");
                    assertThat(e.fieldProblems()).extracting(FieldProblem::field).containsExactly("cause");
                });
        assertThat(claim.getStatus()).isEqualTo(ClaimStatus.DRAFT);
    }

    @Test
    void theHistoryRecordsWhoDidEachStep() {
        WarrantyClaim claim = ClaimFixtures.submitted();
        claim.applyOemVerdict(verdict(1, ClaimStatus.ACCEPTED), "w-1", NOW);

        assertThat(claim.getHistory()).extracting(HistoryEntry::by)
                .containsExactly(ADMINISTRATOR, ADMINISTRATOR, WarrantyClaim.OEM, WarrantyClaim.OEM);
    }

    @Test
    void everyStatusNamesTheStepsItMayTakeAndPaidIsFinal() {
        assertThat(ClaimStatus.DRAFT.next()).containsExactly(ClaimStatus.SUBMISSION_PENDING);
        assertThat(ClaimStatus.REJECTED.mayBecome(ClaimStatus.SUBMISSION_PENDING)).isTrue();
        assertThat(ClaimStatus.APPROVED.mayBecome(ClaimStatus.ACCEPTED)).isFalse();
        assertThat(ClaimStatus.PAID.isFinal()).isTrue();
    }

    @Test
    void anOemRefusalTakesTheClaimOutOfTheQueueWithTheReasonAndTheCorrectedClaimGoesAgainAsANewRound() {
        WarrantyClaim claim = ClaimFixtures.draft();
        claim.queueForSubmission(List.of(), ADMINISTRATOR, NOW, NOW.plusSeconds(30));

        claim.submissionRefused(1, 422, "VIN_UNKNOWN", "VIN not registered", NOW);

        assertThat(claim.getStatus()).isEqualTo(ClaimStatus.SUBMISSION_REFUSED);
        assertThat(claim.getNextSubmissionAttemptAt()).as("not resent").isNull();
        assertThat(claim.getRefusal()).isEqualTo(new SubmissionRefusal(422, "VIN_UNKNOWN", "VIN not registered", NOW));
        assertThat(claim.newEvents()).filteredOn(WarrantyClaimSubmissionRefused.class::isInstance).singleElement()
                .extracting(e -> ((WarrantyClaimSubmissionRefused) e).reasonCode()).isEqualTo("VIN_UNKNOWN");
        claim.correct(ClaimFixtures.complete(), RATE, ADMINISTRATOR, NOW);
        claim.queueForSubmission(List.of(), ADMINISTRATOR, NOW, NOW.plusSeconds(30));
        assertThat(claim.getSubmission()).isEqualTo(2);
        assertThat(claim.idempotencyKey()).endsWith("-2");
        assertThat(claim.getRefusal()).isNull();
        claim.submissionRefused(1, 422, "LATE", "a late refusal of round 1", NOW);
        assertThat(claim.getStatus()).isEqualTo(ClaimStatus.SUBMISSION_PENDING);
    }

    @Test
    void everyStepOfAClaimIsAnnouncedSoTheDayCanBeRebuiltFromEvents() {
        WarrantyClaim claim = ClaimFixtures.draft();
        claim.correct(ClaimFixtures.complete(), RATE, ADMINISTRATOR, NOW);
        claim.queueForSubmission(List.of(), ADMINISTRATOR, NOW, NOW.plusSeconds(30));
        claim.submissionRefused(1, 422, null, "VIN not registered", NOW);
        claim.correct(ClaimFixtures.complete(), RATE, ADMINISTRATOR, NOW);
        claim.queueForSubmission(List.of(), ADMINISTRATOR, NOW, NOW.plusSeconds(30));
        claim.submissionDelivered(2, "OEM-2", NOW);
        claim.applyOemVerdict(verdict(2, ClaimStatus.APPROVED), "w-1", NOW);

        assertThat(claim.newEvents()).extracting(e -> e.getClass().getSimpleName()).containsExactly(
                "WarrantyClaimDrafted", "WarrantyClaimCorrected", "WarrantyClaimSubmissionRequested", "WarrantyClaimSubmissionRefused",
                "WarrantyClaimCorrected", "WarrantyClaimSubmissionRequested", "WarrantyClaimSubmitted", "WarrantyClaimStatusChanged");
        assertThat(claim.newEvents()).filteredOn(WarrantyClaimSubmissionRequested.class::isInstance)
                .extracting(e -> ((WarrantyClaimSubmissionRequested) e).from())
                .containsExactly(ClaimStatus.DRAFT, ClaimStatus.SUBMISSION_REFUSED);
    }

    static final dev.forecourt.platform.domain.Actor DIRECTOR =
            new dev.forecourt.platform.domain.Actor("emp-2", "servicedirector", "李明 Li Ming", "service-director");

    @Test
    void aGoodwillClaimCannotBeSubmittedBeforeTheServiceDirectorApprovedIt() {
        WarrantyClaim claim = WarrantyClaim.draft("claim-g", "WC-store-001-2026-000009", "store-001", ClaimSource.MANUAL, null,
                ClaimFixtures.complete().as(ClaimType.GOODWILL), RATE, ADMINISTRATOR, NOW);

        assertThatThrownBy(() -> claim.queueForSubmission(List.of(), ADMINISTRATOR, NOW, NOW))
                .isInstanceOfSatisfying(RuleViolated.class, e -> assertThat(e.type()).isEqualTo("goodwill-approval-required"));
        claim.approveGoodwill(DIRECTOR, "loyal customer, known turbo issue", NOW);
        claim.approveGoodwill(DIRECTOR, "again", NOW);
        claim.queueForSubmission(List.of(), ADMINISTRATOR, NOW, NOW);

        assertThat(claim.getStatus()).isEqualTo(ClaimStatus.SUBMISSION_PENDING);
        assertThat(claim.getGoodwillApproval().approvedBy()).isEqualTo(DIRECTOR);
        assertThat(claim.newEvents()).filteredOn(GoodwillClaimApproved.class::isInstance).singleElement()
                .extracting(e -> ((GoodwillClaimApproved) e).approverPosition()).isEqualTo("service-director");
    }

    @Test
    void aCorrectionThatChangesTheAmountVoidsTheGoodwillApprovalButOneThatKeepsItDoesNot() {
        WarrantyClaim claim = WarrantyClaim.draft("claim-g", "WC-store-001-2026-000009", "store-001", ClaimSource.MANUAL, null,
                ClaimFixtures.complete().as(ClaimType.GOODWILL), RATE, ADMINISTRATOR, NOW);
        claim.approveGoodwill(DIRECTOR, null, NOW);

        claim.correct(ClaimFixtures.complete().as(ClaimType.GOODWILL), RATE, ADMINISTRATOR, NOW);
        assertThat(claim.getGoodwillApproval()).as("same amount").isNotNull();
        claim.correct(ClaimFixtures.complete().as(ClaimType.GOODWILL), Money.cny("300.00"), ADMINISTRATOR, NOW);

        assertThat(claim.getGoodwillApproval()).isNull();
        assertThatThrownBy(() -> claim.queueForSubmission(List.of(), ADMINISTRATOR, NOW, NOW)).isInstanceOf(RuleViolated.class);
    }

    @Test
    void onlyAGoodwillClaimNotYetWithTheOemIsApprovedAsGoodwill() {
        assertThatThrownBy(() -> ClaimFixtures.draft().approveGoodwill(DIRECTOR, null, NOW))
                .isInstanceOfSatisfying(RuleViolated.class, e -> assertThat(e.type()).isEqualTo("not-a-goodwill-claim"));
        WarrantyClaim claim = WarrantyClaim.draft("claim-g", "WC-store-001-2026-000009", "store-001", ClaimSource.MANUAL, null,
                ClaimFixtures.complete().as(ClaimType.GOODWILL), RATE, ADMINISTRATOR, NOW);
        claim.approveGoodwill(DIRECTOR, null, NOW);
        claim.queueForSubmission(List.of(), ADMINISTRATOR, NOW, NOW);
        claim.submissionDelivered(1, "OEM-1", NOW);
        assertThatThrownBy(() -> claim.approveGoodwill(DIRECTOR, "late", NOW)).isInstanceOf(IllegalTransition.class);
    }

    @Test
    void aClaimOutsideTheThreeGuaranteesPeriodIsRefusedNamingTheBrokenRule() {
        WarrantyClaim claim = ClaimFixtures.draft();
        List<dev.forecourt.platform.errors.FieldProblem> problems = List.of(new dev.forecourt.platform.errors.FieldProblem("failureDate",
                "outside the three-guarantees period (三包): 2 years from delivery on 2024-05-20 ended on 2026-05-20"));

        assertThatThrownBy(() -> claim.queueForSubmission(problems, List.of(ClaimChecks.THREE_GUARANTEES_PERIOD), ADMINISTRATOR, NOW, NOW))
                .isInstanceOfSatisfying(RuleViolated.class, e -> {
                    assertThat(e.type()).isEqualTo("claim-not-ready");
                    assertThat(e.properties()).containsEntry("brokenRules", List.of("three-guarantees-period"));
                    assertThat(e.getMessage()).contains("outside three-guarantees-period");
                });
        assertThat(claim.getStatus()).isEqualTo(ClaimStatus.DRAFT);
    }

    private static String ignoredBecause(VerdictOutcome outcome) {
        assertThat(outcome).isInstanceOf(VerdictOutcome.Ignored.class);
        return ((VerdictOutcome.Ignored) outcome).reason();
    }
}
