package dev.forecourt.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.forecourt.crm.scheduling.CallPlanner;
import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.ForecourtServiceTest;
import dev.forecourt.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * The delivery follow-up as the store splits it: customer service checks within 3 days, the
 * consultant who sold the car makes the 7-day call (7DC), and the reach rate of both is reported.
 */
@ForecourtServiceTest
class DeliveryFollowUpTest {

    static final String CONSULTANT = TestTokens.staff("sales", "sales-consultant", "callbacks:read", "callbacks:perform");
    static final String OTHER_CONSULTANT = TestTokens.staff("sales2", "sales-consultant", "callbacks:read", "callbacks:perform");
    static final String SUPERVISOR = TestTokens.staff("showroom", "showroom-supervisor", "callbacks:read", "callbacks:assign",
            "crm-reports:read");

    @LocalServerPort
    int port;

    @Autowired
    CallPlanner planner;

    Api crm() {
        return Api.at(port).checked().as(CrmFlowTest.CRM);
    }

    JsonNode awaitCall(String phone, String kind) {
        String path = "/api/v1/callbacks?customerId=cust-" + phone + "&kind=" + kind;
        await().atMost(Duration.ofSeconds(20)).until(() -> crm().get(path).json().get("total").asInt() == 1);
        return crm().get(path).json().get("items").get(0);
    }

    @Test
    void aDeliveryGetsCustomerServicesThreeDayCheckAndTheConsultantsSevenDayCall() {
        String phone = CrmFlowTest.newPhone();
        Instant deliveredAt = OffsetDateTime.parse("2026-11-16T11:00:00+08:00").toInstant(); // a Monday
        CrmFlowTest.delivered(UUID.randomUUID().toString(), phone, "so-" + UUID.randomUUID(), deliveredAt);

        JsonNode check = awaitCall(phone, "DELIVERY_FOLLOW_UP");
        assertThat(check.get("dueAt").asString()).isEqualTo("2026-11-17T02:00:00Z"); // Tuesday 10:00 Shanghai
        assertThat(check.get("deadline").asString()).isEqualTo(deliveredAt.plus(Duration.ofDays(3)).toString());
        JsonNode sevenDay = awaitCall(phone, "SEVEN_DAY_CALL");
        assertThat(sevenDay.get("assigneeId").asString()).isEqualTo("emp-sales");
        assertThat(sevenDay.get("department").asString()).isEqualTo("sales");
        assertThat(sevenDay.get("dueAt").asString()).isEqualTo("2026-11-20T02:00:00Z"); // Friday, the day after the check's deadline
        assertThat(sevenDay.get("deadline").asString()).isEqualTo(deliveredAt.plus(Duration.ofDays(7)).toString());
        assertThat(planner.isInsideWindow(Instant.parse(sevenDay.get("dueAt").asString()))).isTrue();

        String id = sevenDay.get("id").asString();
        Api.Response notHers = Api.at(port).checked().as(OTHER_CONSULTANT).post("/api/v1/callbacks/" + id + "/complete", "{\"customerWords\":\"ok\"}");
        assertThat(notHers.status()).isEqualTo(403);
        Api.Response consultantTriesToReassign = Api.at(port).checked().as(CONSULTANT).post("/api/v1/callbacks/" + id + "/assign",
                "{\"employeeId\":\"emp-sales2\",\"name\":\"Sales 2\"}");
        assertThat(consultantTriesToReassign.status()).isEqualTo(403);
        Api.Response arranged = Api.at(port).checked().as(SUPERVISOR).post("/api/v1/callbacks/" + id + "/assign",
                "{\"employeeId\":\"emp-sales2\",\"name\":\"Sales 2\"}");
        assertThat(arranged.status()).as(arranged.body()).isEqualTo(200);
        Api.Response done = Api.at(port).checked().as(OTHER_CONSULTANT).post("/api/v1/callbacks/" + id + "/complete",
                "{\"customerWords\":\"车很好开\"}");
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.at("/completedById")).isEqualTo("emp-sales2");
    }

    @Test
    void theReachRateReportCountsBothCallsOfTheMonthsDeliveries() {
        // March 2018, which no other test touches.
        String reached = CrmFlowTest.newPhone();
        String missed = CrmFlowTest.newPhone();
        CrmFlowTest.delivered(UUID.randomUUID().toString(), reached, "so-" + UUID.randomUUID(),
                OffsetDateTime.parse("2018-03-05T11:00:00+08:00").toInstant());
        CrmFlowTest.delivered(UUID.randomUUID().toString(), missed, "so-" + UUID.randomUUID(),
                OffsetDateTime.parse("2018-03-20T11:00:00+08:00").toInstant());
        String check = awaitCall(reached, "DELIVERY_FOLLOW_UP").get("id").asString();
        String sevenDay = awaitCall(reached, "SEVEN_DAY_CALL").get("id").asString();
        awaitCall(missed, "SEVEN_DAY_CALL");
        assertThat(crm().post("/api/v1/callbacks/" + check + "/complete", "{\"scores\":{\"overall\":9}}").status()).isEqualTo(200);
        assertThat(Api.at(port).checked().as(CONSULTANT).post("/api/v1/callbacks/" + sevenDay + "/complete", "{\"customerWords\":\"好\"}")
                .status()).isEqualTo(200);

        JsonNode report = Api.at(port).checked().as(SUPERVISOR).get("/api/v1/crm-reports/delivery-follow-up?month=2018-03").json();
        assertThat(report.get("deliveries").asInt()).isEqualTo(2);
        assertThat(report.at("/calls/0/kind").asString()).isEqualTo("DELIVERY_FOLLOW_UP");
        assertThat(report.at("/calls/0/calls").asInt()).isEqualTo(2);
        assertThat(report.at("/calls/0/reached").asInt()).isEqualTo(1);
        assertThat(report.at("/calls/0/reachedOnTime").asInt()).isZero(); // reached today, years after the deadline
        assertThat(report.at("/calls/0/reachRatePercent").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(report.at("/calls/0/meetsTarget").asBoolean()).isFalse();
        assertThat(report.at("/calls/1/kind").asString()).isEqualTo("SEVEN_DAY_CALL");
        assertThat(report.at("/calls/1/open").asInt()).isEqualTo(1);
        assertThat(report.at("/consultants/0/staffId").asString()).isEqualTo("emp-sales");
        assertThat(report.at("/consultants/0/calls").asInt()).isEqualTo(2);
        assertThat(report.at("/consultants/0/reached").asInt()).isEqualTo(1);
        assertThat(Api.at(port).checked().as(SUPERVISOR).get("/api/v1/crm-reports/delivery-follow-up?month=2018-3").status()).isEqualTo(400);
    }
}
