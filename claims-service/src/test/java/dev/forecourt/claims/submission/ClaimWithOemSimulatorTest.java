package dev.forecourt.claims.submission;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.forecourt.claims.ClaimsIntegrationTest;
import dev.forecourt.oemsim.OemSimulatorApplication;
import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.IncomingEvents;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;

/**
 * The whole flow against the OEM simulator, as the embedded stack runs it: the simulator is its
 * own Spring context in this JVM (with the devstack's exclusions), the OEM WireMock forwards this
 * claim's submissions to it, and its signed webhooks come back to this service.
 */
class ClaimWithOemSimulatorTest extends ClaimsIntegrationTest {

    private ConfigurableApplicationContext simulator;

    @AfterEach
    void stopSimulator() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void aWarrantyJobBecomesADraftAndReachesApprovedAndPaidThroughTheSimulatorsSignedWebhooks() {
        String simulatorUrl = startSimulator();
        String repairOrderId = unique("ro");
        String vin = "LSVAB4BM9RN000002";
        IncomingEvents.publish("forecourt.sales.vehicle-delivered.v1", "so-" + repairOrderId, """
                {"salesOrderId":"so-%s","vin":"%s","brand":"Volkswagen","model":"Lavida","customerId":"cust-13800000004",
                 "customerName":"刘洋","customerPhone":"13800000004","consultantId":"emp-sales","consultantName":"sales",
                 "deliveryDate":"%s","deliveredAt":"%s","odometerKm":8}""".formatted(repairOrderId, vin,
                LocalDate.now().minusMonths(10), Instant.now().minus(Duration.ofDays(300))));
        IncomingEvents.publish("forecourt.workshop.warranty-job-completed.v1", repairOrderId,
                warrantyJobCompleted(repairOrderId, "job-1", vin));
        String claimId = "claim-" + repairOrderId + "-job-1";
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(api().get("/api/v1/warranty-claims/" + claimId + "/validation").at("/ready")).isEqualTo("true"));
        String number = api().get("/api/v1/warranty-claims/" + claimId).at("/claimNumber");
        OEM.stubFor(post(urlEqualTo("/oem/v1/warranty-claims")).atPriority(1).withHeader("Idempotency-Key", equalTo(number))
                .willReturn(aResponse().proxiedFrom(simulatorUrl)));

        Api.Response submitted = api().post("/api/v1/warranty-claims/" + claimId + "/submit");

        assertThat(submitted.status()).isEqualTo(200);
        awaitStatus(claimId, "PAID");
        Api.Response paid = api().get("/api/v1/warranty-claims/" + claimId);
        assertThat(paid.at("/oemReference")).startsWith("OEM-");
        assertThat(paid.json().get("history").valueStream().map(h -> h.path("to").asString()).distinct())
                .containsSubsequence("DRAFT", "SUBMISSION_PENDING", "SUBMITTED", "ACCEPTED", "APPROVED", "PAID");
        assertThat(new java.math.BigDecimal(paid.at("/paidAmount/amount"))).isEqualByComparingTo(paid.at("/claimedAmount/amount"));
        try (EventProbe probe = EventProbe.on("forecourt.claims.events")) {
            EventSchemas.assertValid(probe.await("forecourt.claims.warranty-claim-submitted.v1", claimId));
            EventSchemas.assertValid(probe.await("forecourt.claims.warranty-claim-paid.v1", claimId));
        }
        Api.Response summary = api().get("/api/v1/claims-reports/summary");
        assertThat(summary.status()).isEqualTo(200);
        assertThat(summary.json().path("approvedDecisions").asInt()).isPositive();
        assertThat(new java.math.BigDecimal(summary.at("/amounts/paid/amount"))).isPositive();
    }

    /** Starts the simulator as the devstack does: its own context, no storage, platform or staff security. */
    private String startSimulator() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", 0);
        properties.put("spring.config.name", "oem-simulator-test"); // not claims' application.yml on this classpath
        properties.put("spring.application.name", "oem-simulator");
        properties.put("management.metrics.use-global-registry", "false");
        properties.put("spring.jmx.enabled", "false");
        properties.put("oem-simulator.step-delay", "300ms");
        properties.put("oem-simulator.callback-url", "http://127.0.0.1:" + port + "/webhooks/oem/claim-status");
        properties.put("spring.autoconfigure.exclude", String.join(",",
                "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
                "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration",
                "org.springframework.boot.mongodb.autoconfigure.metrics.MongoMetricsAutoConfiguration",
                "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
                "org.springframework.boot.data.mongodb.autoconfigure.DataMongoRepositoriesAutoConfiguration",
                "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
                "org.springframework.boot.kafka.autoconfigure.metrics.KafkaMetricsAutoConfiguration",
                "dev.forecourt.platform.PlatformAutoConfiguration",
                "dev.forecourt.platform.security.SecurityConfiguration",
                "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
                "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
                "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
                "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
                "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
                "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
                "org.springframework.cloud.openfeign.FeignAutoConfiguration"));
        simulator = new SpringApplicationBuilder(OemSimulatorApplication.class).web(WebApplicationType.SERVLET)
                .properties(properties).logStartupInfo(false).run();
        int simulatorPort = ((WebServerApplicationContext) simulator).getWebServer().getPort();
        return "http://127.0.0.1:" + simulatorPort;
    }
}
