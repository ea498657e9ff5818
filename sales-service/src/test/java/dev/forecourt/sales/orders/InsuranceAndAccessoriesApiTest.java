package dev.forecourt.sales.orders;

import static dev.forecourt.sales.SalesFixtures.CONSULTANT;
import static dev.forecourt.sales.SalesFixtures.MANAGER;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;
import dev.forecourt.platform.test.ForecourtServiceTest;
import dev.forecourt.sales.SalesFixtures;
import tools.jackson.databind.JsonNode;

@ForecourtServiceTest
class InsuranceAndAccessoriesApiTest {

    @LocalServerPort
    int port;

    SalesFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new SalesFixtures(port);
    }

    @Test
    void anInsurancePolicyExpiringIn60DaysIsPublishedForCrmsRenewalCall() {
        String id = fx.confirmedOrder(fx.vehicleInStock("100000.00", true));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String policy = """
                {"insurer":"PICC","policyNumber":"PDAA2026000123","premium":{"amount":4200,"currency":"CNY"},
                 "startsOn":"%s","expiresOn":"%s"}""".formatted(today.minusDays(305), today.plusDays(60));
        Api.Response recorded = fx.as(CONSULTANT).post("/api/v1/sales-orders/" + id + "/insurance-policy", policy);
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(200);
        assertThat(recorded.at("/insurancePolicy/expiresOn")).isEqualTo(today.plusDays(60).toString());
        Api.Response empty = fx.as(CONSULTANT).post("/api/v1/sales-orders/" + id + "/insurance-policy", """
                {"insurer":"PICC","premium":{"amount":4200,"currency":"CNY"},"startsOn":"%s","expiresOn":"%s"}"""
                .formatted(today, today.minusDays(1)));
        assertThat(empty.status()).isEqualTo(422);

        try (EventProbe probe = EventProbe.on("forecourt.sales.events")) {
            EventProbe.ReceivedEvent event = probe.await("forecourt.sales.insurance-policy-recorded.v1", id);
            EventSchemas.assertValid(event);
            JsonNode data = event.data();
            assertThat(data.get("customerId").asString()).isEqualTo("cust-13800000001");
            assertThat(data.get("customerPhone").asString()).isEqualTo("13800000001");
            assertThat(data.get("customerName").asString()).isEqualTo("张伟");
            assertThat(data.get("insurer").asString()).isEqualTo("PICC");
            assertThat(data.get("expiresOn").asString()).isEqualTo(today.plusDays(60).toString());
            assertThat(new BigDecimal(data.at("/premium/amount").asString())).isEqualByComparingTo("4200");
            assertThat(data.get("vin").asString()).hasSize(17);
        }
    }

    @Test
    void accessoriesSoldWithACarAreOnTheOrderAndInTheDailyAccessoryReport() {
        String id = fx.confirmedOrder(fx.vehicleInStock("100000.00", true));
        String description = "dash cam " + System.nanoTime();
        Api.Response added = fx.as(CONSULTANT).post("/api/v1/sales-orders/" + id + "/accessories", """
                {"partNumber":"000054321","description":"%s","quantity":2,"unitPrice":{"amount":900,"currency":"CNY"},
                 "unitCost":{"amount":500,"currency":"CNY"}}""".formatted(description));
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(new BigDecimal(added.at("/accessoriesTotal/amount"))).isEqualByComparingTo("1800");
        assertThat(new BigDecimal(added.at("/totalPrice/amount"))).isEqualByComparingTo("105800");
        assertThat(fx.as(CONSULTANT).post("/api/v1/sales-orders/" + id + "/accessories", """
                {"description":"x","quantity":0,"unitPrice":{"amount":1,"currency":"CNY"},"unitCost":{"amount":1,"currency":"CNY"}}""")
                .status()).isEqualTo(400);

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Api.Response report = fx.as(MANAGER).get("/api/v1/sales-reports/accessories?date=" + today);
        assertThat(report.status()).isEqualTo(200);
        JsonNode item = report.json().get("byItem").valueStream().filter(i -> i.get("description").asString().equals(description))
                .findFirst().orElseThrow();
        assertThat(item.get("quantity").asInt()).isEqualTo(2);
        assertThat(new BigDecimal(item.at("/margin/amount").asString())).isEqualByComparingTo("800");
        try (EventProbe probe = EventProbe.on("forecourt.sales.events")) {
            EventSchemas.assertValid(probe.await("forecourt.sales.accessory-sold.v1", id));
        }
    }
}
