package dev.forecourt.workshop.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
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
import dev.forecourt.platform.test.IncomingEvents;
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
        registry.add("forecourt.workshop.oem.base-url", PEERS::baseUrl);
    }

    protected static final String ADVISOR = TestTokens.staff("advisor", "service-advisor", "appointments:read",
            "appointments:write", "repair-orders:read", "repair-orders:open", "repair-orders:update", "repair-orders:handover",
            "service-campaigns:read");
    protected static final String FOREMAN = TestTokens.staff("foreman", "workshop-supervisor", "repair-orders:read",
            "repair-orders:dispatch", "repair-orders:quality-check", "workshop:read", "technicians:certify");
    protected static final String DIRECTOR = TestTokens.staff("director", "service-director", "campaigns:write",
            "service-campaigns:read", "repair-orders:read", "workshop:read", "service-targets:write");
    protected static final String CASHIER = TestTokens.staff("cashier", "cashier", "repair-orders:read", "bills:write");

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
        PEERS.stubFor(post(urlEqualTo("/api/v1/reservations")).willReturn(reserved("100.00")));
        CATALOGUE.forEach((partNumber, price) -> PEERS.stubFor(post(urlEqualTo("/api/v1/reservations"))
                .withRequestBody(containing("\"partNumber\":\"" + partNumber + "\"")).willReturn(reserved(price))));
    }

    /** Retail prices parts-service answers for the parts the tests use (any other part: 100.00). */
    protected static final java.util.Map<String, String> CATALOGUE = java.util.Map.of(
            "5Q0698151", "680.00", "06L115562B", "85.00", "04E905612C", "95.50", "G052195M2", "78.00");

    protected static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder reserved(String unitPrice) {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"reservationId\":\"res-" + UUID.randomUUID() + "\",\"status\":\"ACTIVE\","
                        + "\"unitPrice\":{\"amount\":" + unitPrice + ",\"currency\":\"CNY\"}}");
    }

    /** The API as this member of staff, every exchange checked against the OpenAPI document the service serves. */
    protected Api as(String token) {
        return Api.at(port).checked().as(token);
    }

    /** A technician hired through hr-service's event; its token's subject is its employee id. */
    protected String hireTechnician(String username, String... skills) {
        String employeeId = "emp-" + username;
        hired(employeeId, username, skills);
        await().atMost(Duration.ofSeconds(20)).until(() -> roster.find(employeeId).filter(t -> t.active()).isPresent());
        return TestTokens.staff(username, "technician", "repair-orders:read", "repair-orders:work");
    }

    /** hr-service's employee-hired event for a technician. */
    protected static void hired(String employeeId, String username, String... skills) {
        String skillJson = java.util.Arrays.stream(skills).map(s -> "{\"skill\":\"" + s + "\",\"level\":4}")
                .collect(java.util.stream.Collectors.joining(","));
        IncomingEvents.publish("forecourt.hr.employee-hired.v1", employeeId, """
                {"employeeId":"%s","username":"%s","name":"%s","positionCode":"technician","departmentCode":"workshop",
                 "skills":[%s],"active":true}""".formatted(employeeId, username, username, skillJson));
    }

    /** hr-service's employee-left event; waits until the roster shows the technician inactive. */
    protected void left(String employeeId, String username) {
        IncomingEvents.publish("forecourt.hr.employee-left.v1", employeeId,
                "{\"employeeId\":\"%s\",\"username\":\"%s\",\"leftOn\":\"2026-11-20\"}".formatted(employeeId, username));
        await().atMost(Duration.ofSeconds(20)).until(() -> roster.find(employeeId).filter(t -> !t.active()).isPresent());
    }

    /** A VIN no other test uses, with a valid check digit. */
    protected static String uniqueVin() {
        String digits = String.format("%06d", java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000));
        String vin = "LSVAB4BM0RT" + digits;
        return vin.substring(0, 8) + dev.forecourt.platform.vin.Vin.checkDigitOf(vin) + vin.substring(9);
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
                        ,"partsLines":[{"jobIndex":0,"partNumber":"5Q0698151","description":"front brake pads","quantity":1}]""" : "");
    }

    /**
     * parts-service's parts-issued event for every open parts line of the order (as the storekeeper
     * issuing against the order would send it); waits until the lines show the issued quantities.
     */
    protected void issueOpenLines(String id) {
        Api.Response order = as(ADVISOR).get("/api/v1/repair-orders/" + id);
        var lines = order.json().get("partsLines");
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            if (line.get("open").asBoolean()) {
                int missing = line.get("quantity").asInt() - line.get("issuedQuantity").asInt();
                issue(id, order.at("/orderNumber"), line.get("id").asString(), line.get("partNumber").asString(), missing);
            }
        }
        await().atMost(Duration.ofSeconds(20)).until(() ->
                as(ADVISOR).get("/api/v1/repair-orders/" + id).json().get("partsLines").findValues("open").stream()
                        .noneMatch(open -> open.asBoolean()));
    }

    /** One parts-issued event, exactly as parts-service documents it. */
    protected static String issue(String repairOrderId, String orderNumber, String lineId, String partNumber, int quantity) {
        String issueId = "iss-" + UUID.randomUUID();
        IncomingEvents.publish("forecourt.parts.parts-issued.v1", partNumber, """
                {"issueId":"%s","partNumber":"%s","quantity":%d,"documentType":"REPAIR_ORDER","documentId":"%s",
                 "orderNumber":"%s","lineId":"%s","reservationId":null,"fromReservation":%d,"issuedBy":"storekeeper",
                 "issuedAt":"%s"}""".formatted(issueId, partNumber, quantity, repairOrderId, orderNumber, lineId, quantity, Instant.now()));
        return issueId;
    }

    /** The cashier takes what the customer still owes on the bill. */
    protected void payInFull(String id) {
        Api.Response bill = as(CASHIER).get("/api/v1/repair-orders/" + id + "/bill");
        assertThat(bill.status()).as(bill.body()).isEqualTo(200);
        String outstanding = bill.json().at("/outstanding/amount").decimalValue().toPlainString();
        if (new java.math.BigDecimal(outstanding).signum() > 0) {
            Api.Response paid = as(CASHIER).post("/api/v1/repair-orders/" + id + "/payments",
                    "{\"method\":\"CARD\",\"amount\":{\"amount\":" + outstanding + ",\"currency\":\"CNY\"}}");
            assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        }
    }

    protected String openWalkIn(String vin, boolean withParts) {
        Api.Response opened = as(ADVISOR).post("/api/v1/repair-orders", walkIn(vin, withParts));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return opened.at("/id");
    }
}
