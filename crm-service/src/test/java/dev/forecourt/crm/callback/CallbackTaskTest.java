package dev.forecourt.crm.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.EnumSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.forecourt.crm.scheduling.CallPlanner;
import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.IllegalTransition;
import dev.forecourt.platform.errors.RuleViolated;

class CallbackTaskTest {

    static final Actor CRM1 = new Actor("crm-1", "crm1", "Specialist", "customer-service-specialist");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final CallPlanner PLANNER = new CallPlanner(SHANGHAI, List.of(
            new LocalTime[] {LocalTime.of(10, 0), LocalTime.of(12, 0)},
            new LocalTime[] {LocalTime.of(15, 0), LocalTime.of(18, 0)}),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY), Duration.ofMinutes(15));

    /** Friday 17:55 handover, so the task is due Saturday 10:00 Shanghai. */
    static final Instant HANDOVER = OffsetDateTime.parse("2026-11-20T17:55:00+08:00").toInstant();

    static CallbackTask serviceFollowUp() {
        CallbackTask.Subject subject = new CallbackTask.Subject(CallbackKind.SERVICE_FOLLOW_UP, null, "cust-13800000001",
                "张伟", "13800000001", "adv-1", "Advisor", "LSVAB4BM7RN000001", "Lavida", null, "ro-1", null, null);
        return CallbackTask.plan("service-evt-1", "store-001", subject, "evt-1", HANDOVER, HANDOVER.plus(Duration.ofDays(3)),
                PLANNER.followUp(HANDOVER, Duration.ofDays(3)), "crm-1", "Specialist", HANDOVER);
    }

    static Clock fixedAt(String localTime) {
        return Clock.fixed(OffsetDateTime.parse(localTime).toInstant(), ZoneOffset.UTC);
    }

    @Test
    void aServiceFollowUpAfterAFridayEveningHandoverIsDueSaturdayMorning() {
        CallbackTask task = serviceFollowUp();

        assertThat(task.getDueAt()).isEqualTo(OffsetDateTime.parse("2026-11-21T10:00:00+08:00").toInstant());
        assertThat(task.getWindowEndsAt()).isEqualTo(OffsetDateTime.parse("2026-11-21T12:00:00+08:00").toInstant());
        assertThat(task.getDueAt()).isBefore(task.getDeadline());
        assertThat(task.getDepartment()).isEqualTo("after-sales");
    }

    @Test
    void aCustomerNotReachedThreeTimesOnDifferentDaysIsNotReached() {
        CallbackTask task = serviceFollowUp();
        Clock saturday = fixedAt("2026-11-21T10:05:00+08:00");
        task.notReached("no answer", 3, PLANNER, CRM1, saturday.instant());
        assertThat(task.getStatus()).isEqualTo(CallbackStatus.OPEN);
        assertThat(task.getDueAt()).isEqualTo(OffsetDateTime.parse("2026-11-23T15:00:00+08:00").toInstant());

        Clock monday = fixedAt("2026-11-23T15:10:00+08:00");
        task.notReached("switched off", 3, PLANNER, CRM1, monday.instant());
        assertThat(task.getDueAt()).isEqualTo(OffsetDateTime.parse("2026-11-24T10:00:00+08:00").toInstant());

        Clock tuesday = fixedAt("2026-11-24T10:30:00+08:00");
        task.notReached("busy", 3, PLANNER, CRM1, tuesday.instant());

        assertThat(task.getStatus()).isEqualTo(CallbackStatus.NOT_REACHED);
        assertThat(task.getAttempts()).extracting(a -> LocalDate.ofInstant(a.at(), SHANGHAI)).doesNotHaveDuplicates().hasSize(3);
    }

    @Test
    void aSecondAttemptOnTheSameDayIsRefused() {
        CallbackTask task = serviceFollowUp();
        task.notReached(null, 3, PLANNER, CRM1, fixedAt("2026-11-21T10:05:00+08:00").instant());

        assertThatThrownBy(() -> task.notReached(null, 3, PLANNER, CRM1,
                fixedAt("2026-11-21T16:00:00+08:00").instant()))
                .isInstanceOf(RuleViolated.class).hasMessageContaining("different days");
        assertThat(task.getAttempts()).hasSize(1);
    }

    @Test
    void reworkCanOnlyBeAskedOnACallAboutARepairOrder() {
        CallbackTask.Subject delivery = new CallbackTask.Subject(CallbackKind.DELIVERY_FOLLOW_UP, null, "cust-13800000001",
                "张伟", "13800000001", "sc-1", "Consultant", "LSVAB4BM7RN000001", "Lavida", "so-1", null, null, null);
        CallbackTask task = CallbackTask.plan("delivery-evt-2", "store-001", delivery, "evt-2", HANDOVER, HANDOVER.plus(Duration.ofDays(3)),
                PLANNER.followUp(HANDOVER, Duration.ofDays(3)), "crm-1", "Specialist", HANDOVER);
        Questionnaire scores = new Questionnaire(8, 7, 8, 6, 6, 8, true, true, 8, null, 7, 8);

        assertThatThrownBy(() -> task.complete(new CallbackOutcome(scores, "不满意", false, null, null, true, null, null, null), 5, CRM1,
                fixedAt("2026-11-21T10:20:00+08:00").instant()))
                .isInstanceOfSatisfying(RuleViolated.class, e -> {
                    assertThat(e.type()).isEqualTo("rework-needs-repair-order");
                    assertThat(e.fieldProblems()).extracting(FieldProblem::field).containsExactly("reworkRequested");
                });
        assertThat(task.getStatus()).isEqualTo(CallbackStatus.OPEN);
        assertThat(task.newEvents()).noneMatch(CallbackCompleted.class::isInstance);
    }

    @Test
    void aLowScoreMarksTheCallAndItsEventSoAComplaintIsOpened() {
        CallbackTask task = serviceFollowUp();
        Questionnaire scores = new Questionnaire(8, 7, 8, 6, 6, 8, true, true, 4, null, 7, 6);

        task.complete(new CallbackOutcome(scores, "异响还在", false, null, null, true, null, null, null), 5, CRM1,
                fixedAt("2026-11-21T10:20:00+08:00").instant());

        assertThat(task.opensComplaint()).isTrue();
        assertThat(task.newEvents()).last().isInstanceOfSatisfying(CallbackCompleted.class, event -> {
            assertThat(event.lowScore()).isTrue();
            assertThat(event.lowScores()).containsOnlyKeys("repairQuality");
            assertThat(event.reworkRequested()).isTrue();
            assertThat(event.repairOrderId()).isEqualTo("ro-1");
            assertThat(event.department()).isEqualTo("after-sales");
            assertThat(event.staffId()).isEqualTo("adv-1");
        });
    }

    @Test
    void aFollowUpCannotBeCompletedWithoutTheOverallScoreNorTwice() {
        CallbackTask task = serviceFollowUp();
        Instant at = fixedAt("2026-11-21T10:20:00+08:00").instant();

        assertThatThrownBy(() -> task.complete(new CallbackOutcome(null, "fine", false, null, null, false, null, null, null), 5,
                CRM1, at)).isInstanceOf(RuleViolated.class).hasMessageContaining("overall");

        Questionnaire good = new Questionnaire(null, null, null, null, null, null, null, null, null, null, null, 9);
        task.complete(new CallbackOutcome(good, null, false, null, null, false, null, null, null), 5, CRM1, at);
        assertThat(task.opensComplaint()).isFalse();
        assertThatThrownBy(() -> task.complete(new CallbackOutcome(good, null, false, null, null, false, null, null, null), 5,
                CRM1, at)).isInstanceOf(IllegalTransition.class).hasMessageContaining("COMPLETED");
    }
}
