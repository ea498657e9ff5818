package dev.forecourt.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.forecourt.crm.complaint.Complaint;
import dev.forecourt.crm.complaint.ComplaintSeverity;
import dev.forecourt.crm.complaint.ComplaintSource;
import dev.forecourt.crm.customer.Customer;
import dev.forecourt.crm.customer.Purchase;
import dev.forecourt.crm.customer.RepairVisit;
import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;
import dev.forecourt.platform.test.ForecourtServiceTest;
import dev.forecourt.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * The complaint rate counts major complaints over the month's deliveries and handovers; the
 * complaint resolution report covers a month or a date range. Recorded in June 2019, which no
 * other test touches.
 */
@ForecourtServiceTest
class ComplaintReportsTest {

    static final String MANAGER = TestTokens.staff("asm", "after-sales-manager", "crm-reports:read", "complaints:read",
            "complaints:write", "complaints:resolve", "customers:read", "customers:write");
    static final Actor SYSTEM = Actor.system("test");

    @LocalServerPort
    int port;

    @Autowired
    AggregateStore aggregates;

    static Instant june(int day, int hour) {
        return OffsetDateTime.parse("2019-06-%02dT%02d:00:00+08:00".formatted(day, hour)).toInstant();
    }

    void customerWithContacts(int deliveries, int handovers) {
        String phone = CrmFlowTest.newPhone();
        Customer customer = Customer.learned("store-001", "测试", phone, "SALE", june(1, 9));
        for (int i = 0; i < deliveries; i++) {
            customer.recordPurchase(new Purchase("so-" + UUID.randomUUID(), "LSVAB4BM7RN00000" + i, "Volkswagen", "Lavida",
                    LocalDate.of(2019, 6, 5 + i), june(5 + i, 10), "c-1", "C"), 10, "x", june(5 + i, 10));
        }
        for (int i = 0; i < handovers; i++) {
            customer.recordRepair(new RepairVisit("ro-" + UUID.randomUUID(), "RO", "LSVAB4BM7RN000009", null, june(12 + i, 16), 5000,
                    "a-1", "A", List.of("CUSTOMER"), null), "Volkswagen", "Lavida", LocalDate.of(2019, 6, 12 + i), "x", true, false,
                    june(12 + i, 16));
        }
        aggregates.insert(customer);
    }

    Complaint complaint(ComplaintSeverity severity, String department, Instant openedAt) {
        return Complaint.open("complaint-" + UUID.randomUUID(), "store-001", new Complaint.Details(ComplaintSource.INTAKE, severity,
                "cust-13700000000", "测试", "13700000000", department, null, null, null, null, "summary", null),
                Duration.ofDays(3), SYSTEM, openedAt);
    }

    @Test
    void theComplaintRateCountsMajorComplaintsOverTheMonthsDeliveriesAndHandoversAndTheResolutionReportFiltersByDate() {
        customerWithContacts(3, 2);
        customerWithContacts(2, 3);
        // 10 contacts; one major and two normal complaints (one of them from a low score) in June, one major in July.
        Complaint major = complaint(ComplaintSeverity.MAJOR, "after-sales", june(3, 10));
        major.resolve("replaced the part", SYSTEM, june(4, 10));
        major.verified(true, "verification-x", "好了", Duration.ofDays(3), "crm-1", june(5, 10));
        aggregates.insert(major);
        Complaint late = complaint(ComplaintSeverity.NORMAL, "sales", june(15, 10));
        late.resolve("apologised", SYSTEM, june(25, 10));
        aggregates.insert(late);
        aggregates.insert(complaint(ComplaintSeverity.NORMAL, "after-sales", june(20, 10)));
        aggregates.insert(complaint(ComplaintSeverity.MAJOR, "after-sales", OffsetDateTime.parse("2019-07-01T00:30:00+08:00").toInstant()));

        Api api = Api.at(port).checked().as(MANAGER);
        JsonNode rate = api.get("/api/v1/crm-reports/complaint-rate?month=2019-06").json();
        assertThat(rate.get("complaints").asInt()).isEqualTo(1);
        assertThat(rate.get("allComplaints").asInt()).isEqualTo(3);
        assertThat(rate.get("deliveries").asInt()).isEqualTo(5);
        assertThat(rate.get("handovers").asInt()).isEqualTo(5);
        assertThat(rate.get("ratePercent").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(rate.get("withinTarget").asBoolean()).isFalse();

        JsonNode month = api.get("/api/v1/crm-reports/complaint-resolution?month=2019-06").json();
        assertThat(month.get("dueOn").asString()).isEqualTo("2019-07-03");
        assertThat(month.at("/total/opened").asInt()).isEqualTo(3);
        assertThat(month.at("/total/major").asInt()).isEqualTo(1);
        assertThat(month.at("/total/resolved").asInt()).isEqualTo(2);
        assertThat(month.at("/total/resolvedOnTime").asInt()).isEqualTo(1);
        assertThat(month.at("/total/verifiedClosed").asInt()).isEqualTo(1);
        assertThat(month.at("/total/stillOpen").asInt()).isEqualTo(2);
        assertThat(month.at("/total/overdue").asInt()).isEqualTo(1);
        assertThat(month.at("/departments/0/department").asString()).isEqualTo("after-sales");
        assertThat(month.at("/departments/0/counts/opened").asInt()).isEqualTo(2);

        JsonNode range = api.get("/api/v1/crm-reports/complaint-resolution?from=2019-06-10&to=2019-06-20").json();
        assertThat(range.at("/total/opened").asInt()).isEqualTo(2);
        assertThat(range.at("/period/to").asString()).isEqualTo("2019-06-21");
        assertThat(api.get("/api/v1/crm-reports/complaint-resolution?from=2019-06-10").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/crm-reports/complaint-resolution?from=2019-06-10&to=2019-06-01").status()).isEqualTo(400);
    }

    @Test
    void staffLogAMajorComplaintAndTheManagerReclassifiesOne() {
        String phone = CrmFlowTest.newPhone();
        Api api = Api.at(port).checked().as(MANAGER);
        api.post("/api/v1/customers", "{\"name\":\"刘洋\",\"phone\":\"%s\",\"callConsent\":true}".formatted(phone));
        Api.Response major = api.post("/api/v1/complaints", """
                {"customerId":"cust-%s","department":"after-sales","severity":"MAJOR","summary":"Brakes failed again after repair"}
                """.formatted(phone));
        assertThat(major.status()).isEqualTo(201);
        assertThat(major.at("/severity")).isEqualTo("MAJOR");
        Api.Response normal = api.post("/api/v1/complaints", """
                {"customerId":"cust-%s","department":"sales","summary":"Waited at delivery"}
                """.formatted(phone));
        assertThat(normal.at("/severity")).isEqualTo("NORMAL");
        assertThat(api.get("/api/v1/complaints?severity=MAJOR&customerId=cust-" + phone).json().get("total").asInt()).isEqualTo(1);

        try (EventProbe probe = EventProbe.on("forecourt.crm.events")) {
            Api.Response classified = api.header("If-Match", normal.header("ETag")).post("/api/v1/complaints/" + normal.at("/id")
                    + "/severity", "{\"severity\":\"MAJOR\",\"reason\":\"the customer went to the carmaker\"}");
            assertThat(classified.status()).as(classified.body()).isEqualTo(200);
            EventSchemas.assertValid(probe.await("forecourt.crm.complaint-severity-changed.v1", normal.at("/id")));
        }
        assertThat(api.get("/api/v1/complaints?severity=MAJOR&customerId=cust-" + phone).json().get("total").asInt()).isEqualTo(2);
    }
}
