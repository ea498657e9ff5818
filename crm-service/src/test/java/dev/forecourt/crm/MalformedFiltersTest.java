package dev.forecourt.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.forecourt.crm.complaint.Complaint;
import dev.forecourt.crm.complaint.ComplaintSeverity;
import dev.forecourt.crm.complaint.ComplaintSource;
import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.ForecourtServiceTest;
import dev.forecourt.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * Hostile input against crm's lists and reports: a filter that cannot mean anything is refused
 * with 400 problem+json naming the parameter, never dropped (which answers every customer).
 */
@ForecourtServiceTest
class MalformedFiltersTest {

    static final String STAFF = TestTokens.staff("crm", "customer-service-specialist", "customers:read", "customers:write",
            "callbacks:read", "complaints:read", "crm-reports:read", "marketing-lists:read", "customer-messages:read");

    @LocalServerPort
    int port;

    @Autowired
    AggregateStore aggregates;

    Api api() {
        return Api.at(port).checked().as(STAFF);
    }

    void refused(String pathAndQuery, String parameter) {
        Api.Response answer = api().get(pathAndQuery);
        assertThat(answer.status()).as("%s -> %s", pathAndQuery, answer).isEqualTo(400);
        assertThat(answer.isProblem()).as("%s -> %s", pathAndQuery, answer).isTrue();
        assertThat(answer.json().path("errors").findValuesAsString("field")).as("%s -> %s", pathAndQuery, answer).contains(parameter);
    }

    @Test
    void aPhoneFilterWithoutDigitsIsRefusedInsteadOfListingEveryCustomer() {
        String phone = CrmFlowTest.newPhone();
        assertThat(api().post("/api/v1/customers", """
                {"name":"过滤 测试","phone":"%s","callConsent":true}""".formatted(phone)).status()).isEqualTo(201);

        refused("/api/v1/customers?phone=abc", "phone");
        refused("/api/v1/customers?phone=--", "phone");
        refused("/api/v1/customers?phone=%2B", "phone");
        refused("/api/v1/customer-messages?phone=abc", "phone");

        // digits, with the separators people type, still find the customer
        String spaced = phone.substring(0, 3) + " " + phone.substring(3, 7) + "-" + phone.substring(7);
        JsonNode found = api().get("/api/v1/customers?phone=" + spaced.replace(" ", "%20")).json();
        assertThat(found.get("total").asInt()).isEqualTo(1);
        assertThat(found.at("/items/0/phone").asString()).isEqualTo(phone);
        assertThat(api().get("/api/v1/customers?phone=%2B86" + phone).json().get("total").asInt()).isEqualTo(1);
    }

    @Test
    void malformedEnumsDatesMonthsAndFlagsInFiltersAreRefusedNamingTheParameter() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("/api/v1/customers?status=active", "status");
        cases.put("/api/v1/callbacks?status=WHATEVER", "status");
        cases.put("/api/v1/callbacks?kind=delivery", "kind");
        cases.put("/api/v1/callbacks?dueBefore=tomorrow", "dueBefore");
        cases.put("/api/v1/callbacks?dueBefore=2026-12-05", "dueBefore");
        cases.put("/api/v1/callbacks?dueBefore=%2B300000000-01-01T00:00:00Z", "dueBefore");
        cases.put("/api/v1/complaints?severity=HUGE", "severity");
        cases.put("/api/v1/complaints?escalated=maybe", "escalated");
        cases.put("/api/v1/complaints?status=open", "status");
        cases.put("/api/v1/marketing-lists?kind=SPAM", "kind");
        cases.put("/api/v1/customer-messages?status=LOST", "status");
        cases.put("/api/v1/customer-messages?kind=POSTCARD", "kind");
        cases.put("/api/v1/crm-reports/csi/weekly?date=2026-13-01", "date");
        cases.put("/api/v1/crm-reports/csi/monthly?month=2026-13", "month");
        cases.put("/api/v1/crm-reports/complaint-rate?month=11-2026", "month");
        cases.put("/api/v1/crm-reports/complaint-rate?month=%2B300000000-01", "month");
        cases.put("/api/v1/crm-reports/churn?month=-300000000-01", "month");
        cases.put("/api/v1/crm-reports/monthly-pack?month=2026-1", "month");
        cases.put("/api/v1/crm-reports/complaint-resolution?from=2026-02-30&to=2026-03-01", "from");
        cases.put("/api/v1/crm-reports/complaint-resolution?from=2026-03-10&to=2026-03-01", "to");
        cases.put("/api/v1/crm-reports/delivery-follow-up?from=2026-03-01", "to");
        cases.put("/api/v1/customers?page=-1", "page");
        cases.put("/api/v1/customers?size=1000", "size");
        cases.forEach(this::refused);
    }

    @Test
    void aMisspeltEmptyOrRepeatedFilterIsRefusedNotIgnored() {
        refused("/api/v1/customers?stauts=ACTIVE", "stauts");
        refused("/api/v1/complaints?severity=MAJOR&escalate=true", "escalate");
        refused("/api/v1/callbacks?customer=cust-13800000001", "customer");
        refused("/api/v1/crm-reports/complaint-rate?mnth=2026-11", "mnth");
        refused("/api/v1/customers/cust-13800000001?fields=all", "fields");
        refused("/api/v1/customers?phone=", "phone");
        refused("/api/v1/callbacks?status=", "status");
        refused("/api/v1/complaints?escalated=", "escalated");
        refused("/api/v1/customers?phone=138&phone=139", "phone");
        refused("/api/v1/complaints?status=OPEN&status=CLOSED", "status");

        // the known filters and paging still work together
        assertThat(api().get("/api/v1/callbacks?status=OPEN&kind=SERVICE_FOLLOW_UP&page=0&size=5").status()).isEqualTo(200);
    }

    @Test
    void escalatedFalseListsOnlyComplaintsNotEscalatedInsteadOfAllOfThem() {
        String customer = "cust-137" + String.format("%08d", Math.abs(UUID.randomUUID().hashCode()) % 100_000_000);
        Instant openedAt = Instant.now().minus(Duration.ofDays(10));
        Complaint overdue = open(customer, openedAt);
        overdue.escalateIfOverdue(Instant.now(), Duration.ofDays(1));
        aggregates.insert(overdue);
        aggregates.insert(open(customer, Instant.now()));

        JsonNode all = api().get("/api/v1/complaints?customerId=" + customer).json();
        assertThat(all.get("total").asInt()).isEqualTo(2);
        JsonNode escalated = api().get("/api/v1/complaints?customerId=" + customer + "&escalated=true").json();
        assertThat(escalated.get("total").asInt()).isEqualTo(1);
        assertThat(escalated.at("/items/0/id").asString()).isEqualTo(overdue.getId());
        JsonNode notEscalated = api().get("/api/v1/complaints?customerId=" + customer + "&escalated=false").json();
        assertThat(notEscalated.get("total").asInt()).isEqualTo(1);
        assertThat(notEscalated.at("/items/0/escalationLevel").asInt()).isZero();
    }

    private static Complaint open(String customer, Instant openedAt) {
        String phone = customer.substring("cust-".length());
        return Complaint.open("complaint-" + UUID.randomUUID(), "store-001", new Complaint.Details(ComplaintSource.INTAKE,
                ComplaintSeverity.NORMAL, customer, "测试", phone, "after-sales", null, null, null, null, "summary", null),
                Duration.ofDays(3), Actor.system("test"), openedAt);
    }
}
