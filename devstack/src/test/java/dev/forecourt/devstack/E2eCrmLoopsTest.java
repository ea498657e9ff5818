package dev.forecourt.devstack;

import static dev.forecourt.devstack.FlowSupport.eventually;
import static dev.forecourt.devstack.FlowSupport.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import dev.forecourt.devstack.FlowSupport.Staff;
import dev.forecourt.platform.test.Api;
import tools.jackson.databind.JsonNode;

/**
 * CRM's loops through the gateway: the insurance policy a consultant records on the sales order becomes customer service's
 * renewal call in CRM, and the service advisor logs a complaint about that customer.
 */
class E2eCrmLoopsTest {

    @Test
    void aPolicyExpiringInSixtyDaysRecordedInSalesBecomesARenewalCallInCrmAndTheAdvisorLogsAComplaint() {
        FlowSupport.Delivered car = FlowSupport.receiveSellAndDeliver("E2E 周" + FlowSupport.lowerAlnum(4));
        Staff consultant = Staff.inFlow("sales");
        Staff specialist = Staff.inFlow("crm");
        Staff advisor = Staff.inFlow("advisor");
        LocalDate expiresOn = FlowSupport.storeToday().plusDays(60);

        expect(consultant.api().post("/api/v1/sales-orders/" + car.salesOrderId() + "/insurance-policy", """
                {"insurer":"中国人保 PICC","policyNumber":"PDAA%s","premium":{"amount":4860.00,"currency":"CNY"},
                 "startsOn":"%s","expiresOn":"%s"}""".formatted(FlowSupport.digits(10), expiresOn.minusYears(1), expiresOn)), 200);

        String customerId = "cust-" + car.customerPhone();
        AtomicReference<JsonNode> renewal = new AtomicReference<>();
        eventually().until(() -> {
            Api.Response calls = specialist.api().get("/api/v1/callbacks?kind=INSURANCE_RENEWAL&customerId=" + customerId);
            if (calls.status() == 200 && calls.json().get("total").asInt() == 1) {
                renewal.set(calls.json().get("items").get(0));
                return true;
            }
            return false;
        });
        JsonNode call = renewal.get();
        assertThat(call.get("id").asString()).isEqualTo("insurance-" + car.salesOrderId() + "-" + expiresOn);
        assertThat(call.get("status").asString()).isEqualTo("OPEN");
        assertThat(call.get("policy").get("insurer").asString()).isEqualTo("中国人保 PICC");
        assertThat(call.get("script").asString()).isNotBlank();
        // 60 days ahead is today: due in the next call window, at the latest the expiry day
        assertThat(Instant.parse(call.get("dueAt").asString()))
                .isBefore(expiresOn.atStartOfDay(FlowSupport.STORE_ZONE).toInstant());
        assertThat(Instant.parse(call.get("dueAt").asString()))
                .isBefore(FlowSupport.storeToday().plusDays(8).atStartOfDay(FlowSupport.STORE_ZONE).toInstant());

        Api.Response complaint = expect(advisor.api().post("/api/v1/complaints", """
                {"customerId":"%s","department":"after-sales","severity":"NORMAL","summary":"Insurance renewal quote too high",
                 "customerWords":"续保报价太贵了"}""".formatted(customerId)), 201);
        assertThat(complaint.header("Location")).isEqualTo("/api/v1/complaints/" + complaint.at("/id"));
        assertThat(expect(specialist.api().get("/api/v1/complaints/" + complaint.at("/id")), 200).at("/status")).isEqualTo("OPEN");
    }
}
