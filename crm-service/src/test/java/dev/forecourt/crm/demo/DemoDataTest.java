package dev.forecourt.crm.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.ForecourtServiceTest;
import dev.forecourt.platform.test.TestTokens;

/** The demo seed, run directly (the shared test context has demo data off and a non-empty database). */
@ForecourtServiceTest
class DemoDataTest {

    static final String GM = TestTokens.staff("gm", "general-manager", "customers:read", "callbacks:read", "complaints:read",
            "crm-reports:read", "marketing-lists:read");

    @LocalServerPort
    int port;

    @Autowired
    DemoData demoData;

    @Test
    void theDemoCustomersHaveConsentAndTheCompletedCallbacksFeedTheReportsAndAComplaint() {
        demoData.seedDemoData();
        demoData.seedDemoData();

        Api api = Api.at(port).checked().as(GM);
        for (int i = 1; i <= 5; i++) {
            Api.Response customer = api.get("/api/v1/customers/cust-1380000000" + i);
            assertThat(customer.status()).isEqualTo(200);
            assertThat(customer.at("/callConsent")).isEqualTo("true");
        }
        assertThat(api.get("/api/v1/customers/cust-13800000001").at("/club/level")).isEqualTo("GOLD");
        assertThat(api.get("/api/v1/callbacks/service-demo-service-1").at("/status")).isEqualTo("COMPLETED");
        assertThat(api.get("/api/v1/callbacks?customerId=cust-13800000003").json().get("total").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                api.get("/api/v1/complaints/complaint-service-demo-service-2").status() == 200);
        assertThat(api.get("/api/v1/complaints/complaint-demo-major-1").at("/severity")).isEqualTo("MAJOR");
        assertThat(api.get("/api/v1/callbacks?kind=INSURANCE_RENEWAL&customerId=cust-13800000001").json().get("total").asInt()).isEqualTo(1);
        tools.jackson.databind.JsonNode lists = api.get("/api/v1/marketing-lists?kind=CAMPAIGN_INVITATION&size=200").json();
        assertThat(lists.findValues("name").stream().filter(n -> n.asString().equals(DemoData.DEMO_CAMPAIGN)).count()).isEqualTo(1);
        assertThat(api.get("/api/v1/crm-reports/csi/weekly").body()).contains("\"department\":\"sales\"", "\"department\":\"after-sales\"");
    }
}
