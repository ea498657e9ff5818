package dev.forecourt.workshop.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.ForecourtServiceTest;
import dev.forecourt.platform.test.TestTokens;
import dev.forecourt.workshop.technician.TechnicianRoster;

/**
 * The one Spring context all integration tests of this module share (same annotation, same
 * properties), with WireMock standing in for parts-service and hr-service's token endpoint.
 * Resilience4j and the schedulers run with short times so the module's tests stay fast.
 */
@ForecourtServiceTest(properties = {
        "forecourt.workshop.parts-retry-interval=500ms",
        "forecourt.workshop.late-check-interval=300ms",
        "spring.cloud.openfeign.client.config.parts.connect-timeout=300",
        "spring.cloud.openfeign.client.config.parts.read-timeout=300",
        "resilience4j.retry.instances.parts.wait-duration=50ms",
        "resilience4j.circuitbreaker.instances.parts.wait-duration-in-open-state=1s",
        // the demo test drives the demo handover itself
        "forecourt.workshop.demo-handover-interval=1h"})
public abstract class WorkshopIntegrationTest {

    protected static final WireMockServer PEERS = new WireMockServer(options().dynamicPort());

    static {
        PEERS.start();
        Runtime.getRuntime().addShutdownHook(new Thread(PEERS::stop));
    }

    @DynamicPropertySource
    static void peers(DynamicPropertyRegistry registry) {
        registry.add("forecourt.peers.parts.url", PEERS::baseUrl);
        registry.add("forecourt.peers.hr.url", PEERS::baseUrl);
    }

    protected static final String ADVISOR = TestTokens.staff("advisor", "service-advisor", "appointments:read",
            "appointments:write", "repair-orders:read", "repair-orders:open", "repair-orders:update", "repair-orders:handover");
    protected static final String FOREMAN = TestTokens.staff("foreman", "workshop-supervisor", "repair-orders:read",
            "repair-orders:dispatch", "repair-orders:quality-check", "workshop:read");

    @LocalServerPort
    protected int port;

    @Autowired
    protected TechnicianRoster roster;

    @BeforeEach
    void healthyPeers() {
        PEERS.resetAll();
        PEERS.stubFor(post(urlEqualTo("/api/v1/auth/token")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"accessToken\":\"svc-token\",\"expiresIn\":900}")));
        PEERS.stubFor(post(urlEqualTo("/api/v1/reservations")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"res-" + UUID.randomUUID() + "\",\"status\":\"RESERVED\"}")));
    }

    protected Api as(String token) {
        return Api.at(port).as(token);
    }

    /** A technician hired through hr-service's event; its token's subject is its employee id. */
    protected String hireTechnician(String username, String... skills) {
        String employeeId = "emp-" + username;
        HrEvents.hired(employeeId, username, skills);
        await().atMost(Duration.ofSeconds(20)).until(() -> roster.find(employeeId).filter(t -> t.active()).isPresent());
        return TestTokens.staff(username, "technician", "repair-orders:read", "repair-orders:work");
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected static Instant hoursFromNow(int hours) {
        return Instant.now().plus(hours, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    }

    /** A walk-in repair order with one customer-paid job and, optionally, a parts line. */
    protected static String walkIn(String vin, boolean withParts) {
        return """
                {"vehicle":{"vin":"%s","plate":"沪A%s","brand":"Volkswagen","model":"Lavida"},
                 "customer":{"name":"张伟","phone":"13800000001"},
                 "odometerInKm":42000,"complaint":"刹车时有异响","promisedAt":"%s",
                 "walkAround":{"exterior":"left door scratched","interior":"clean","valuables":"none"},
                 "jobs":[{"labourOperationCode":"BRK-01","description":"Replace front brake pads","hours":1.2,
                          "payType":"CUSTOMER","requiredSkill":"maintenance"}]%s}
                """.formatted(vin, UUID.randomUUID().toString().substring(0, 5).toUpperCase(), hoursFromNow(8),
                withParts ? """
                        ,"partsLines":[{"jobIndex":0,"partNumber":"5Q0698151","description":"front brake pads","quantity":1,
                                        "unitPrice":{"amount":680.00,"currency":"CNY"}}]""" : "");
    }

    protected String openWalkIn(String vin, boolean withParts) {
        Api.Response opened = as(ADVISOR).post("/api/v1/repair-orders", walkIn(vin, withParts));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return opened.at("/id");
    }
}
