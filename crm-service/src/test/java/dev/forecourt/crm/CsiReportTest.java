package dev.forecourt.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import dev.forecourt.crm.callback.CallbackKind;
import dev.forecourt.crm.callback.CallbackOutcome;
import dev.forecourt.crm.callback.CallbackTask;
import dev.forecourt.crm.callback.Questionnaire;
import dev.forecourt.crm.config.StoreCalendar;
import dev.forecourt.crm.report.MonthlyPack;
import dev.forecourt.crm.report.MonthlyPackIssue;
import dev.forecourt.crm.scheduling.CallPlanner;
import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.ForecourtServiceTest;
import dev.forecourt.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * CSI per department and per consultant/advisor for one week, against a count by hand. The calls
 * are recorded in a week of 2020 that no other test touches; two sit on the week's edges in the
 * store's zone (Asia/Shanghai), where the UTC calendar would put them in the other week.
 */
@ForecourtServiceTest
class CsiReportTest {

    static final String MANAGER = TestTokens.staff("gm", "general-manager", "crm-reports:read");

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    AggregateStore aggregates;

    @Autowired
    CallPlanner planner;

    static Questionnaire overall(int score) {
        return new Questionnaire(null, null, null, null, null, null, null, null, null, null, null, score);
    }

    void recorded(CallbackKind kind, String staffId, Questionnaire scores, String completedAtLocal) {
        Instant completedAt = OffsetDateTime.parse(completedAtLocal).toInstant();
        Instant triggeredAt = completedAt.minusSeconds(86_400);
        String id = "csi-" + UUID.randomUUID();
        CallbackTask task = CallbackTask.plan(id, "store-001", new CallbackTask.Subject(kind, null, "cust-csi", "CSI",
                "13700000000", staffId, staffId.toUpperCase(), null, null, null, null, null, null), id, triggeredAt,
                triggeredAt.plusSeconds(3 * 86_400), planner.followUp(triggeredAt), "crm-1", "Specialist", triggeredAt);
        if (scores != null) {
            task.complete(new CallbackOutcome(scores, null, false, null, null, false, null, null, null), 5, new Actor("crm-1", "crm1", "S", null), completedAt);
        }
        aggregates.insert(task);
    }

    @Test
    void csiPerDepartmentAndPerStaffForAWeekMatchesAHandCount() {
        // sales: 90, 90, 70, and 80 on Monday 00:10 Shanghai (still Sunday in UTC) → (90+90+70+80)/4 = 82.5
        recorded(CallbackKind.DELIVERY_FOLLOW_UP, "cons-a", overall(9), "2020-03-03T10:30:00+08:00");
        recorded(CallbackKind.DELIVERY_FOLLOW_UP, "cons-a",
                new Questionnaire(8, null, null, null, null, 10, true, true, null, null, null, 9), "2020-03-04T11:00:00+08:00");
        recorded(CallbackKind.DELIVERY_FOLLOW_UP, "cons-b", overall(7), "2020-03-05T15:30:00+08:00");
        recorded(CallbackKind.DELIVERY_FOLLOW_UP, "cons-a", overall(8), "2020-03-02T00:10:00+08:00");
        // after-sales: 75/9 items = 83.3, 100.0, and 60 on Sunday 23:30 Shanghai → (83.3+100+60)/3 = 81.1
        recorded(CallbackKind.SERVICE_FOLLOW_UP, "adv-a",
                new Questionnaire(9, 8, 9, 7, 7, 9, true, true, 9, null, 8, 9), "2020-03-04T16:00:00+08:00");
        recorded(CallbackKind.SERVICE_FOLLOW_UP, "adv-b",
                new Questionnaire(null, null, null, null, null, null, null, null, 10, null, null, 10), "2020-03-06T10:15:00+08:00");
        recorded(CallbackKind.SERVICE_FOLLOW_UP, "adv-a", overall(6), "2020-03-08T23:30:00+08:00");
        // Not counted: the next week in Shanghai (though still Sunday in UTC), an open task, and a call without a questionnaire.
        recorded(CallbackKind.SERVICE_FOLLOW_UP, "adv-b", overall(10), "2020-03-09T00:30:00+08:00");
        recorded(CallbackKind.SERVICE_FOLLOW_UP, "adv-b", null, "2020-03-04T10:00:00+08:00");
        recorded(CallbackKind.MAINTENANCE_REMINDER, "adv-b", null, "2020-03-04T10:00:00+08:00");

        JsonNode report = Api.at(port).checked().as(MANAGER).get("/api/v1/crm-reports/csi/weekly?date=2020-03-04").json();

        assertThat(report.at("/period/from").asString()).isEqualTo("2020-03-02");
        assertThat(report.at("/period/to").asString()).isEqualTo("2020-03-09");
        assertThat(report.at("/target").asInt()).isEqualTo(85);
        assertThat(report.at("/departments/0/department").asString()).isEqualTo("after-sales");
        assertThat(report.at("/departments/0/callbacks").asInt()).isEqualTo(3);
        assertThat(report.at("/departments/0/csi").decimalValue()).isEqualByComparingTo("81.1");
        assertThat(report.at("/departments/1/department").asString()).isEqualTo("sales");
        assertThat(report.at("/departments/1/callbacks").asInt()).isEqualTo(4);
        assertThat(report.at("/departments/1/csi").decimalValue()).isEqualByComparingTo("82.5");
        assertThat(report.at("/departments/1/meetsTarget").asBoolean()).isFalse();
        // per department from the items: reception 90 (9, 9, 9 of the first repair), workshop (80 + 100)/2 = 90
        // (8, 9, 8, 7 of the first; 10 of the second), parts 70 (7), sales as the delivery calls 82.5; a repair's overall counts for none
        assertThat(report.at("/byDepartment/0/department").asString()).isEqualTo("reception");
        assertThat(report.at("/byDepartment/0/callbacks").asInt()).isEqualTo(1);
        assertThat(report.at("/byDepartment/0/csi").decimalValue()).isEqualByComparingTo("90.0");
        assertThat(report.at("/byDepartment/1/department").asString()).isEqualTo("workshop");
        assertThat(report.at("/byDepartment/1/callbacks").asInt()).isEqualTo(2);
        assertThat(report.at("/byDepartment/1/csi").decimalValue()).isEqualByComparingTo("90.0");
        assertThat(report.at("/byDepartment/1/meetsTarget").asBoolean()).isTrue();
        assertThat(report.at("/byDepartment/2/department").asString()).isEqualTo("parts");
        assertThat(report.at("/byDepartment/2/csi").decimalValue()).isEqualByComparingTo("70.0");
        assertThat(report.at("/byDepartment/3/department").asString()).isEqualTo("sales");
        assertThat(report.at("/byDepartment/3/callbacks").asInt()).isEqualTo(4);
        assertThat(report.at("/byDepartment/3/csi").decimalValue()).isEqualByComparingTo("82.5");
        // overall: (90+90+70+80+83.3+100+60)/7 = 573.3/7 = 81.9
        assertThat(report.at("/overall/csi").decimalValue()).isEqualByComparingTo("81.9");

        // per advisor / consultant: adv-a (83.3+60)/2 = 71.65 → 71.7; adv-b 100.0; cons-a (90+90+80)/3 = 86.7; cons-b 70.0
        assertThat(report.get("staff")).hasSize(4);
        assertThat(report.at("/staff/0/staffId").asString()).isEqualTo("adv-a");
        assertThat(report.at("/staff/0/csi").decimalValue()).isEqualByComparingTo("71.7");
        assertThat(report.at("/staff/1/csi").decimalValue()).isEqualByComparingTo("100.0");
        assertThat(report.at("/staff/2/staffId").asString()).isEqualTo("cons-a");
        assertThat(report.at("/staff/2/csi").decimalValue()).isEqualByComparingTo("86.7");
        assertThat(report.at("/staff/2/meetsTarget").asBoolean()).isTrue();
        assertThat(report.at("/staff/3/csi").decimalValue()).isEqualByComparingTo("70.0");
    }

    @Autowired
    MonthlyPackIssue monthlyPackIssue;

    @Autowired
    StoreCalendar calendar;

    @Test
    void theMonthlyPackOfThePreviousMonthIsFrozenOnceWhenIssued() {
        MonthlyPack issued = monthlyPackIssue.issuePreviousMonth();
        MonthlyPack again = monthlyPackIssue.issuePreviousMonth();
        YearMonth previous = YearMonth.from(calendar.today()).minusMonths(1);

        assertThat(issued.month()).isEqualTo(previous.toString());
        assertThat(issued.dueOn()).isEqualTo(previous.plusMonths(1).atDay(3));
        assertThat(again.issuedAt()).isEqualTo(issued.issuedAt());
        JsonNode pack = Api.at(port).checked().as(MANAGER).get("/api/v1/crm-reports/monthly-pack?month=" + previous).json();
        assertThat(pack.get("issued").asBoolean()).isTrue();
        assertThat(pack.at("/csi/target").asInt()).isEqualTo(85);
    }

    @Test
    void theMonthlyPackIsDueOnTheThirdAndCarriesTheMonthsFigures() {
        JsonNode pack = Api.at(port).checked().as(MANAGER).get("/api/v1/crm-reports/monthly-pack?month=2020-02").json();

        assertThat(pack.get("month").asString()).isEqualTo("2020-02");
        assertThat(pack.get("dueOn").asString()).isEqualTo("2020-03-03");
        assertThat(pack.get("issued").asBoolean()).isFalse();
        assertThat(pack.at("/complaintRate/targetPercent").asDouble()).isEqualTo(1.0);
        assertThat(Api.at(port).checked().as(MANAGER).get("/api/v1/crm-reports/complaint-rate?month=2020-13").status()).isEqualTo(400);
    }
}
