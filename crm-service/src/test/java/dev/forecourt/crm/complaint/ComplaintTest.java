package dev.forecourt.crm.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.IllegalTransition;

class ComplaintTest {

    static final Actor FOREMAN = new Actor("foreman", "foreman", "Foreman", "workshop-supervisor");
    static final Actor CRM1 = new Actor("crm-1", "crm1", "Specialist", "customer-service-specialist");
    static final Instant OPENED = Instant.parse("2026-11-23T02:00:00Z");
    static final Duration THREE_DAYS = Duration.ofDays(3);

    static Complaint lowScoreComplaint() {
        return Complaint.open("complaint-cb-1", "store-001", new Complaint.Details(ComplaintSource.LOW_SCORE, ComplaintSeverity.NORMAL, "cust-13800000001",
                "张伟", "13800000001", "after-sales", "adv-1", "cb-1", "ro-1", null, "Low scores: repairQuality 3", "异响"),
                THREE_DAYS, Actor.system("crm-service"), OPENED);
    }

    @Test
    void openingRaisesComplaintOpenedWithADueDate() {
        Complaint complaint = lowScoreComplaint();

        assertThat(complaint.getDueAt()).isEqualTo(OPENED.plus(THREE_DAYS));
        assertThat(complaint.newEvents()).singleElement().isInstanceOf(ComplaintOpened.class);
    }

    @Test
    void resolvingRaisesComplaintResolvedAndAnAcceptedVerificationClosesIt() {
        Complaint complaint = lowScoreComplaint();
        complaint.resolve("Re-did the wheel alignment free of charge", FOREMAN, OPENED.plus(Duration.ofDays(1)));

        assertThat(complaint.getStatus()).isEqualTo(ComplaintStatus.RESOLVED);
        assertThat(complaint.newEvents()).last().isInstanceOfSatisfying(ComplaintResolved.class,
                e -> assertThat(e.resolutionNumber()).isEqualTo(1));

        complaint.verified(true, "verification-complaint-cb-1-1", "好了", THREE_DAYS, "crm-1", OPENED.plus(Duration.ofDays(2)));
        assertThat(complaint.getStatus()).isEqualTo(ComplaintStatus.CLOSED);
    }

    @Test
    void aRejectedResolutionReopensTheComplaintWithANewDueDate() {
        Complaint complaint = lowScoreComplaint();
        complaint.resolve("Explained the noise is normal", FOREMAN, OPENED.plus(Duration.ofDays(1)));
        Instant verifiedAt = OPENED.plus(Duration.ofDays(2));

        complaint.verified(false, "verification-complaint-cb-1-1", "还是响", THREE_DAYS, "crm-1", verifiedAt);

        assertThat(complaint.getStatus()).isEqualTo(ComplaintStatus.OPEN);
        assertThat(complaint.getDueAt()).isEqualTo(verifiedAt.plus(THREE_DAYS));
        complaint.resolve("Replaced the strut mount", FOREMAN, verifiedAt.plus(Duration.ofDays(1)));
        assertThat(complaint.getResolutionCount()).isEqualTo(2);
    }

    @Test
    void anOverdueComplaintIsEscalatedOneLevelPerOverduePeriod() {
        Complaint complaint = lowScoreComplaint();

        assertThat(complaint.escalateIfOverdue(OPENED.plus(Duration.ofDays(2)), THREE_DAYS)).isFalse();
        assertThat(complaint.escalateIfOverdue(OPENED.plus(Duration.ofDays(3)).plusSeconds(60), THREE_DAYS)).isTrue();
        assertThat(complaint.getEscalationLevel()).isEqualTo(1);
        assertThat(complaint.escalateIfOverdue(OPENED.plus(Duration.ofDays(4)), THREE_DAYS)).isFalse();
        assertThat(complaint.escalateIfOverdue(OPENED.plus(Duration.ofDays(6)).plusSeconds(60), THREE_DAYS)).isTrue();
        assertThat(complaint.getEscalationLevel()).isEqualTo(2);
    }

    @Test
    void onlyAResolvedComplaintCanBeClosedByStaff() {
        Complaint complaint = lowScoreComplaint();

        assertThatThrownBy(() -> complaint.close("not reached", CRM1, OPENED))
                .isInstanceOfSatisfying(IllegalTransition.class, e -> assertThat(e.properties()).containsEntry("currentState", "OPEN"));
    }

    @Test
    void aLowScoreComplaintIsNormalUntilTheManagerClassifiesItMajor() {
        Complaint complaint = lowScoreComplaint();
        assertThat(complaint.getSeverity()).isEqualTo(ComplaintSeverity.NORMAL);

        complaint.classify(ComplaintSeverity.MAJOR, "brake noise after two repairs", FOREMAN, OPENED.plusSeconds(60));

        assertThat(complaint.getSeverity()).isEqualTo(ComplaintSeverity.MAJOR);
        assertThat(complaint.newEvents()).last().isInstanceOfSatisfying(ComplaintSeverityChanged.class,
                e -> assertThat(e.previousSeverity()).isEqualTo(ComplaintSeverity.NORMAL));
        complaint.resolve("Replaced the brake discs", FOREMAN, OPENED.plusSeconds(120));
        complaint.close("not reachable", CRM1, OPENED.plusSeconds(180));
        assertThatThrownBy(() -> complaint.classify(ComplaintSeverity.NORMAL, "x", FOREMAN, OPENED.plusSeconds(240)))
                .isInstanceOf(IllegalTransition.class);
    }
}
