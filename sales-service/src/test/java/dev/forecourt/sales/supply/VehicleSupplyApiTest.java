package dev.forecourt.sales.supply;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;
import dev.forecourt.platform.test.ForecourtServiceTest;
import dev.forecourt.platform.test.TestTokens;
import dev.forecourt.sales.SalesFixtures;

/**
 * Cars ordered from the OEM (WireMock stands in for it, answering as the OEM simulator's vehicle
 * distribution does, with every field it sends), allocated, dispatched into stock in transit, received; the payment
 * request.
 */
@ForecourtServiceTest
class VehicleSupplyApiTest {

    static final WireMockServer OEM = start();
    static final String MANAGER = TestTokens.staff("salesmanager", "sales-manager", "vehicle-orders:read", "vehicle-orders:write",
            "vehicle-orders:approve", "vehicles:read");
    static final String CASHIER = TestTokens.staff("cashier", "cashier", "payment-requests:write");
    static final String CONSULTANT = TestTokens.staff("sales", "sales-consultant", "vehicles:read", "vehicle-orders:read");

    @DynamicPropertySource
    static void oem(DynamicPropertyRegistry registry) {
        registry.add("forecourt.sales.oem.url", OEM::baseUrl);
    }

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        return server;
    }

    @LocalServerPort
    int port;

    Api as(String token) {
        return new SalesFixtures(port).as(token);
    }

    static EventProbe.ReceivedEvent expect(EventProbe probe, String type, String subject) {
        EventProbe.ReceivedEvent event = probe.await("forecourt.sales." + type + ".v1", subject);
        EventSchemas.assertValid(event);
        return event;
    }

    @Test
    void aCallOffIsApprovedSentAllocatedDispatchedIntoStockInTransitReceivedAndItsPaymentRequestedAndRemitted() {
        String vin1 = SalesFixtures.newVin();
        String vin2 = SalesFixtures.newVin();
        String oemOrderId = "SVW-VO-" + UUID.randomUUID().toString().substring(0, 8);
        OEM.stubFor(post(urlEqualTo("/oem/v1/vehicle-orders")).withHeader("X-Api-Key", equalTo("dev-oem-api-key"))
                .withRequestBody(matchingJsonPath("$.lines[0].colour", equalTo("Pearl White")))
                .withRequestBody(matchingJsonPath("$.dealerCode", equalTo("store-001")))
                .withRequestBody(matchingJsonPath("$.kind", equalTo("CALL_OFF")))
                .withRequestBody(matchingJsonPath("$.month", matching("20[0-9]{2}-[01][0-9]")))
                .withRequestBody(matchingJsonPath("$.lines[0].lineNo", equalTo("1")))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("""
                        {"oemOrderId":"%s","dealerCode":"store-001","orderNumber":"VO2026000901","kind":"CALL_OFF","month":"2026-12",
                         "allocations":[
                          {"lineNo":1,"vin":"%s","model":"Lavida","trim":"1.5L Comfort","colour":"Pearl White",
                           "listPrice":{"amount":118900.00,"currency":"CNY"},"invoicePrice":{"amount":109388.00,"currency":"CNY"}},
                          {"lineNo":1,"vin":"%s","model":"Lavida","trim":"1.5L Comfort","colour":"Pearl White",
                           "listPrice":{"amount":118900.00,"currency":"CNY"},"invoicePrice":{"amount":109388.00,"currency":"CNY"}}],
                         "allocatedAt":"2026-12-05T02:00:00.123456Z"}"""
                        .formatted(oemOrderId, vin1, vin2))));
        LocalDate arrival = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(3);
        OEM.stubFor(get(urlEqualTo("/oem/v1/vehicle-orders/" + oemOrderId + "/dispatches")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("""
                        {"oemOrderId":"%s","dispatches":[{"vin":"%s","dispatchedAt":"2026-12-01T02:00:00Z","expectedArrival":"%s",
                          "transportNote":"truck 1","keys":2,"documents":["certificate of conformity","owner's manual"]}]}"""
                        .formatted(oemOrderId, vin1, arrival))));

        try (EventProbe probe = EventProbe.on("forecourt.sales.events")) {
            Api.Response drafted = as(MANAGER).post("/api/v1/vehicle-orders", """
                    {"lines":[{"model":"Lavida","trim":"1.5L Comfort","colour":"Pearl White","quantity":2}],"note":"year-end push"}""");
            assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
            String id = drafted.at("/id");
            String number = drafted.at("/number");
            assertThat(number).matches("VO20[0-9]{2}[0-9]{6}");
            assertThat(drafted.at("/kind")).isEqualTo("CALL_OFF");
            assertThat(drafted.header("Location")).isEqualTo("/api/v1/vehicle-orders/" + id);

            assertThat(as(MANAGER).post("/api/v1/vehicle-orders/" + id + "/send").at("/type"))
                    .as("not before the approval").isEqualTo("https://forecourt.dev/problems/illegal-state");
            assertThat(as(CONSULTANT).post("/api/v1/vehicle-orders/" + id + "/approve").status()).isEqualTo(403);
            Api.Response approved = as(MANAGER).header("If-Match", drafted.header("ETag")).post("/api/v1/vehicle-orders/" + number + "/approve");
            assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
            assertThat(approved.at("/approvedBy")).isEqualTo("emp-salesmanager");

            Api.Response sent = as(MANAGER).post("/api/v1/vehicle-orders/" + id + "/send");
            assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
            assertThat(sent.at("/status")).as("one of two cars dispatched").isEqualTo("ALLOCATED");
            assertThat(sent.at("/oemOrderId")).isEqualTo(oemOrderId);
            assertThat(sent.json().get("allocated").asInt()).isEqualTo(2);
            assertThat(sent.json().get("dispatched").asInt()).isEqualTo(1);
            assertThat(new BigDecimal(sent.at("/invoiceTotal/amount"))).isEqualByComparingTo("218776.00");
            OEM.verify(postRequestedFor(urlEqualTo("/oem/v1/vehicle-orders")).withHeader("Idempotency-Key", equalTo(number)));

            Api.Response inTransit = as(CONSULTANT).get("/api/v1/vehicles/" + vin1);
            assertThat(inTransit.at("/status")).isEqualTo("IN_TRANSIT");
            assertThat(new BigDecimal(inTransit.at("/listPrice/amount"))).isEqualByComparingTo("118900.00");
            assertThat(as(CONSULTANT).get("/api/v1/vehicles/" + vin2).status()).as("allocated, not yet dispatched").isEqualTo(404);

            OEM.stubFor(get(urlEqualTo("/oem/v1/vehicle-orders/" + oemOrderId + "/dispatches")).willReturn(aResponse()
                    .withHeader("Content-Type", "application/json").withBody("""
                            {"oemOrderId":"%s","dispatches":[
                              {"vin":"%s","dispatchedAt":"2026-12-01T02:00:00Z","expectedArrival":"%s","transportNote":"truck 1","keys":2,"documents":[]},
                              {"vin":"%s","dispatchedAt":"2026-12-02T02:00:00Z","expectedArrival":"%s","transportNote":"truck 2","keys":2,"documents":[]}]}"""
                            .formatted(oemOrderId, vin1, arrival, vin2, arrival))));
            Api.Response checked = as(MANAGER).post("/api/v1/vehicle-orders/" + id + "/dispatches");
            assertThat(checked.at("/status")).isEqualTo("DISPATCHED");
            assertThat(as(CONSULTANT).get("/api/v1/vehicles/" + vin2).at("/status")).isEqualTo("IN_TRANSIT");

            String stockAdmin = TestTokens.staff("stockadmin", "vehicle-stock-administrator", "vehicles:read", "vehicles:receive");
            Api.Response received = as(stockAdmin).post("/api/v1/vehicles/" + vin1 + "/arrival");
            assertThat(received.status()).as(received.toString()).isEqualTo(200);
            assertThat(received.at("/status")).isEqualTo("IN_STOCK");
            assertThat(received.json().get("documents").size()).isEqualTo(2);

            Api.Response requested = as(MANAGER).post("/api/v1/payment-requests", "{\"vehicleOrderId\":\"" + number + "\",\"note\":\"batch 1\"}");
            assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
            assertThat(requested.at("/number")).matches("PR20[0-9]{8}");
            assertThat(new BigDecimal(requested.at("/amount/amount"))).isEqualByComparingTo("218776.00");
            assertThat(requested.at("/status")).isEqualTo("REQUESTED");
            assertThat(as(MANAGER).post("/api/v1/payment-requests", "{\"vehicleOrderId\":\"" + id + "\"}").at("/type"))
                    .isEqualTo("https://forecourt.dev/problems/payment-request-exists");
            String requestId = requested.at("/id");
            assertThat(as(MANAGER).post("/api/v1/payment-requests/" + requestId + "/remittance", "{\"bankReference\":\"ICBC-1\"}").status())
                    .as("finance records it").isEqualTo(403);
            Api.Response remitted = as(CASHIER).header("If-Match", requested.header("ETag"))
                    .post("/api/v1/payment-requests/" + requestId + "/remittance", "{\"bankReference\":\"ICBC-20261205-01\"}");
            assertThat(remitted.status()).as(remitted.toString()).isEqualTo(200);
            assertThat(remitted.at("/status")).isEqualTo("REMITTED");
            assertThat(remitted.at("/decidedBy")).isEqualTo("emp-cashier");
            assertThat(as(CASHIER).get("/api/v1/payment-requests?vehicleOrderId=" + id).json().get("total").asInt()).isEqualTo(1);

            expect(probe, "vehicle-order-drafted", id);
            expect(probe, "vehicle-order-approved", id);
            assertThat(expect(probe, "vehicle-order-allocated", id).data().get("allocations").size()).isEqualTo(2);
            expect(probe, "vehicles-dispatched", id);
            expect(probe, "vehicle-in-transit", vin1);
            expect(probe, "payment-requested", requestId);
            assertThat(expect(probe, "payment-request-remitted", requestId).data().get("bankReference").asString())
                    .isEqualTo("ICBC-20261205-01");
        }
    }

    @Autowired
    DispatchWatch watch;

    @Autowired
    MongoTemplate mongo;

    /** The plans are one per month and the tests share the database (and the demo seeding's plans): each plan test starts afresh. */
    void freshPlans() {
        YearMonth now = YearMonth.now(ZoneId.of("Asia/Shanghai"));
        mongo.remove(Query.query(Criteria.where("_id").in(SupplyPlan.idOf(now.plusMonths(1)), SupplyPlan.idOf(now.plusMonths(2)))),
                SupplyPlan.class);
    }

    static void stubPlansAtTheOem() {
        OEM.stubFor(put(urlPathMatching("/oem/v1/supply-plans/.*")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("""
                        {"reference":"SVW-PL-2","dealerCode":"store-001","month":"2027-01","forecast":[],"colours":[],
                         "receivedAt":"2026-12-05T02:00:00Z"}""")));
    }

    /** A call-off of one car of the model, approved and sent; the OEM allocates it and has not dispatched it yet. */
    String allocatedCallOff(String model) {
        String oemOrderId = "SVW-VO-" + UUID.randomUUID().toString().substring(0, 8);
        OEM.stubFor(post(urlEqualTo("/oem/v1/vehicle-orders")).withRequestBody(matchingJsonPath("$.lines[0].model", equalTo(model)))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("""
                        {"oemOrderId":"%s","dealerCode":"store-001","orderNumber":"VO2026000903","kind":"CALL_OFF","month":"2026-12",
                         "allocations":[{"lineNo":1,"vin":"%s","model":"%s","trim":"280TSI","colour":"Pure White",
                           "listPrice":{"amount":150000.00,"currency":"CNY"},"invoicePrice":{"amount":138000.00,"currency":"CNY"}}],
                         "allocatedAt":"2026-12-05T02:00:00Z"}""".formatted(oemOrderId, SalesFixtures.newVin(), model))));
        OEM.stubFor(get(urlEqualTo("/oem/v1/vehicle-orders/" + oemOrderId + "/dispatches")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"oemOrderId\":\"" + oemOrderId + "\",\"dispatches\":[]}")));
        String id = as(MANAGER).post("/api/v1/vehicle-orders",
                "{\"lines\":[{\"model\":\"" + model + "\",\"trim\":\"280TSI\",\"colour\":\"Pure White\",\"quantity\":1}]}").at("/id");
        as(MANAGER).post("/api/v1/vehicle-orders/" + id + "/approve");
        Api.Response sent = as(MANAGER).post("/api/v1/vehicle-orders/" + id + "/send");
        assertThat(sent.at("/status")).as(sent.toString()).isEqualTo("ALLOCATED");
        return id;
    }

    @Test
    void ofEightPaymentRequestsForOneVehicleOrderRaisedAtOnceOneIsStoredAndPublished() throws Exception {
        String order = allocatedCallOff("Touran");
        try (EventProbe probe = EventProbe.on("forecourt.sales.events")) {
            List<Api.Response> answers = SalesFixtures.atOnce(8,
                    () -> as(MANAGER).post("/api/v1/payment-requests", "{\"vehicleOrderId\":\"" + order + "\",\"note\":\"race\"}"));

            assertThat(answers).as(answers.toString()).filteredOn(r -> r.status() == 201).hasSize(1);
            assertThat(answers).filteredOn(r -> r.status() != 201).hasSize(7).allSatisfy(refused -> {
                assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
                assertThat(refused.isProblem()).isTrue();
                assertThat(refused.at("/type")).isEqualTo("https://forecourt.dev/problems/payment-request-exists");
            });
            String stored = answers.stream().filter(r -> r.status() == 201).findFirst().orElseThrow().at("/id");
            assertThat(mongo.count(Query.query(Criteria.where("vehicleOrderId").is(order)), PaymentRequest.class)).isEqualTo(1);
            assertThat(as(MANAGER).get("/api/v1/payment-requests?vehicleOrderId=" + order).json().get("total").asInt()).isEqualTo(1);

            expect(probe, "payment-requested", stored);
            assertThat(SalesFixtures.allWithin(probe, Duration.ofSeconds(2), e -> e.type().equals("forecourt.sales.payment-requested.v1")
                    && order.equals(e.data().get("vehicleOrderId").asString()))).as("one event").hasSize(1);
        }
    }

    @Test
    void ofEightOrdersOfNextMonthFromItsColoursAtOnceOneIsDraftedAndTheOthersTakeNoNumber() throws Exception {
        freshPlans();
        stubPlansAtTheOem();
        YearMonth next = YearMonth.now(ZoneId.of("Asia/Shanghai")).plusMonths(1);
        assertThat(as(MANAGER).put("/api/v1/vehicle-orders/plans/" + next + "/forecast",
                "{\"lines\":[{\"model\":\"Lavida\",\"trim\":\"1.5L Comfort\",\"quantity\":3}]}").status()).isEqualTo(200);
        assertThat(as(MANAGER).put("/api/v1/vehicle-orders/plans/" + next + "/colours",
                "{\"lines\":[{\"model\":\"Lavida\",\"trim\":\"1.5L Comfort\",\"colour\":\"Pearl White\",\"quantity\":3}]}").status())
                .isEqualTo(200);
        String note = "race " + UUID.randomUUID();
        Instant before = Instant.now();
        try (EventProbe probe = EventProbe.on("forecourt.sales.events")) {
            List<Api.Response> answers = SalesFixtures.atOnce(8,
                    () -> as(MANAGER).post("/api/v1/vehicle-orders/plans/" + next + "/order", "{\"note\":\"" + note + "\"}"));

            assertThat(answers).as(answers.toString()).filteredOn(r -> r.status() == 201).hasSize(1);
            assertThat(answers).filteredOn(r -> r.status() != 201).hasSize(7).allSatisfy(refused -> {
                assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
                assertThat(refused.isProblem()).isTrue();
                assertThat(refused.at("/type")).as("the month is ordered").isEqualTo("https://forecourt.dev/problems/illegal-state");
            });
            Api.Response ordered = answers.stream().filter(r -> r.status() == 201).findFirst().orElseThrow();
            assertThat(mongo.count(Query.query(Criteria.where("note").is(note)), VehicleOrder.class)).isEqualTo(1);
            assertThat(as(MANAGER).get("/api/v1/vehicle-orders/plans/" + next).at("/vehicleOrderId")).isEqualTo(ordered.at("/id"));

            expect(probe, "vehicle-order-drafted", ordered.at("/id"));
            assertThat(SalesFixtures.allWithin(probe, Duration.ofSeconds(2), e -> e.type().equals("forecourt.sales.vehicle-order-drafted.v1")
                    && SupplyPlan.idOf(next).equals(e.data().get("supplyPlanId").asString()) && !e.cloudEvent().getTime().toInstant().isBefore(before)))
                    .as("one event").hasSize(1);

            // the refused orders took no number: the next order follows the month's
            String following = as(MANAGER).post("/api/v1/vehicle-orders",
                    "{\"lines\":[{\"model\":\"Lavida\",\"trim\":\"1.5L Comfort\",\"colour\":\"Pearl White\",\"quantity\":1}]}").at("/number");
            assertThat(Long.parseLong(following.substring(2))).isEqualTo(Long.parseLong(ordered.at("/number").substring(2)) + 1);
        }
    }

    @Test
    void carsTheOemDispatchesAfterTheAllocationAppearInTransitWithoutAnyoneAsking() {
        String vin = SalesFixtures.newVin();
        String oemOrderId = "SVW-VO-" + UUID.randomUUID().toString().substring(0, 8);
        OEM.stubFor(post(urlEqualTo("/oem/v1/vehicle-orders")).withRequestBody(matchingJsonPath("$.lines[0].model", equalTo("Sagitar")))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("""
                        {"oemOrderId":"%s","dealerCode":"store-001","orderNumber":"VO2026000902","kind":"CALL_OFF","month":"2026-12",
                         "allocations":[{"lineNo":1,"vin":"%s","model":"Sagitar","trim":"300TSI","colour":"Crystal Blue",
                           "listPrice":{"amount":139900.00,"currency":"CNY"},"invoicePrice":{"amount":128708.00,"currency":"CNY"}}],
                         "allocatedAt":"2026-12-05T02:00:00Z"}""".formatted(oemOrderId, vin))));
        String dispatches = "/oem/v1/vehicle-orders/" + oemOrderId + "/dispatches";
        OEM.stubFor(get(urlEqualTo(dispatches)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"oemOrderId\":\"" + oemOrderId + "\",\"dispatches\":[]}")));
        String id = as(MANAGER).post("/api/v1/vehicle-orders",
                "{\"lines\":[{\"model\":\"Sagitar\",\"trim\":\"300TSI\",\"colour\":\"Crystal Blue\",\"quantity\":1}]}").at("/id");
        as(MANAGER).post("/api/v1/vehicle-orders/" + id + "/approve");
        assertThat(as(MANAGER).post("/api/v1/vehicle-orders/" + id + "/send").at("/status")).isEqualTo("ALLOCATED");
        watch.checkAllocatedOrders();
        assertThat(as(CONSULTANT).get("/api/v1/vehicles/" + vin).status()).as("not dispatched yet").isEqualTo(404);

        OEM.stubFor(get(urlEqualTo(dispatches)).willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                {"oemOrderId":"%s","dispatches":[{"vin":"%s","dispatchedAt":"2026-12-05T03:00:00Z","expectedArrival":"2026-12-08",
                  "transportNote":"truck 7","keys":2,"documents":["certificate of conformity"]}]}""".formatted(oemOrderId, vin))));
        watch.checkAllocatedOrders();
        assertThat(as(CONSULTANT).get("/api/v1/vehicles/" + vin).at("/status")).isEqualTo("IN_TRANSIT");
        assertThat(as(MANAGER).get("/api/v1/vehicle-orders/" + id).at("/status")).isEqualTo("DISPATCHED");

        // finance rejects the payment request; a new one may then be raised
        String requested = as(MANAGER).post("/api/v1/payment-requests", "{\"vehicleOrderId\":\"" + id + "\"}").at("/id");
        try (EventProbe probe = EventProbe.on("forecourt.sales.events")) {
            Api.Response rejected = as(CASHIER).post("/api/v1/payment-requests/" + requested + "/rejection",
                    "{\"reason\":\"invoice not received from the OEM yet\"}");
            assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
            assertThat(rejected.at("/status")).isEqualTo("REJECTED");
            assertThat(expect(probe, "payment-request-rejected", requested).data().get("reason").asString())
                    .isEqualTo("invoice not received from the OEM yet");
        }
        assertThat(as(MANAGER).post("/api/v1/payment-requests", "{\"vehicleOrderId\":\"" + id + "\"}").status())
                .as("raised again after the rejection").isEqualTo(201);
    }

    @Test
    void anUnreachableOemLeavesTheOrderApprovedAndADraftIsCancelled() {
        OEM.stubFor(post(urlEqualTo("/oem/v1/vehicle-orders")).withRequestBody(matchingJsonPath("$.lines[0].model", equalTo("Passat")))
                .willReturn(aResponse().withStatus(500)));
        String body = "{\"lines\":[{\"model\":\"Passat\",\"trim\":\"330TSI\",\"colour\":\"Aurora Blue\",\"quantity\":1}]}";
        String id = as(MANAGER).post("/api/v1/vehicle-orders", body).at("/id");
        as(MANAGER).post("/api/v1/vehicle-orders/" + id + "/approve");
        Api.Response refused = as(MANAGER).post("/api/v1/vehicle-orders/" + id + "/send");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
        assertThat(refused.at("/type")).isEqualTo("https://forecourt.dev/problems/oem-unavailable");
        assertThat(as(MANAGER).get("/api/v1/vehicle-orders/" + id).at("/status")).isEqualTo("APPROVED");
        assertThat(as(MANAGER).post("/api/v1/payment-requests", "{\"vehicleOrderId\":\"" + id + "\"}").at("/type"))
                .isEqualTo("https://forecourt.dev/problems/vehicle-order-not-allocated");

        String draft = as(MANAGER).post("/api/v1/vehicle-orders", body).at("/id");
        try (EventProbe probe = EventProbe.on("forecourt.sales.events")) {
            Api.Response cancelled = as(MANAGER).post("/api/v1/vehicle-orders/" + draft + "/cancel", "{\"reason\":\"ordered twice\"}");
            assertThat(cancelled.at("/status")).isEqualTo("CANCELLED");
            expect(probe, "vehicle-order-cancelled", draft);
        }
    }

    @Test
    void theForecastOfNextMonthsIsToldToTheOemAndNextMonthsColoursAddingUpToItBecomeItsOrder() {
        freshPlans();
        OEM.stubFor(put(urlPathMatching("/oem/v1/supply-plans/.*")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("""
                        {"reference":"SVW-PL-1","dealerCode":"store-001","month":"2027-01","forecast":[],"colours":[],
                         "receivedAt":"2026-12-05T02:00:00Z"}""")));
        YearMonth now = YearMonth.now(ZoneId.of("Asia/Shanghai"));
        YearMonth next = now.plusMonths(1);
        String forecast = """
                {"lines":[{"model":"Lavida","trim":"1.5L Comfort","quantity":6},{"model":"Tiguan L","trim":"330TSI","quantity":2}]}""";
        assertThat(as(MANAGER).put("/api/v1/vehicle-orders/plans/" + now.plusMonths(3) + "/forecast", forecast).at("/type"))
                .isEqualTo("https://forecourt.dev/problems/forecast-month-out-of-range");
        try (EventProbe probe = EventProbe.on("forecourt.sales.events")) {
            Api.Response n2 = as(MANAGER).put("/api/v1/vehicle-orders/plans/" + now.plusMonths(2) + "/forecast", forecast);
            assertThat(n2.status()).as(n2.toString()).isEqualTo(200);
            assertThat(expect(probe, "supply-forecast-submitted", "sp-" + now.plusMonths(2)).data().get("horizon").asString()).isEqualTo("N+2");
            assertThat(as(MANAGER).put("/api/v1/vehicle-orders/plans/" + now.plusMonths(2) + "/colours", """
                    {"lines":[{"model":"Lavida","trim":"1.5L Comfort","colour":"Pearl White","quantity":6}]}""").at("/type"))
                    .as("colours for next month only").isEqualTo("https://forecourt.dev/problems/colour-confirmation-month");

            Api.Response n1 = as(MANAGER).put("/api/v1/vehicle-orders/plans/" + next + "/forecast", forecast);
            assertThat(n1.at("/status")).isEqualTo("FORECAST");
            assertThat(n1.json().get("forecastQuantity").asInt()).isEqualTo(8);
            Api.Response mismatch = as(MANAGER).put("/api/v1/vehicle-orders/plans/" + next + "/colours", """
                    {"lines":[{"model":"Lavida","trim":"1.5L Comfort","colour":"Pearl White","quantity":4},
                              {"model":"Tiguan L","trim":"330TSI","colour":"Deep Black","quantity":2}]}""");
            assertThat(mismatch.status()).isEqualTo(422);
            assertThat(mismatch.at("/type")).isEqualTo("https://forecourt.dev/problems/colour-split-mismatch");
            assertThat(mismatch.at("/differences/0")).contains("forecast 6, colours 4");
            assertThat(as(MANAGER).post("/api/v1/vehicle-orders/plans/" + next + "/order").at("/type"))
                    .isEqualTo("https://forecourt.dev/problems/illegal-state");

            Api.Response confirmed = as(MANAGER).header("If-Match", n1.header("ETag")).put("/api/v1/vehicle-orders/plans/" + next + "/colours", """
                    {"lines":[{"model":"Lavida","trim":"1.5L Comfort","colour":"Pearl White","quantity":4},
                              {"model":"Lavida","trim":"1.5L Comfort","colour":"Deep Black","quantity":2},
                              {"model":"Tiguan L","trim":"330TSI","colour":"Deep Black","quantity":2}]}""");
            assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
            assertThat(confirmed.at("/status")).isEqualTo("COLOURS_CONFIRMED");
            expect(probe, "supply-colours-confirmed", "sp-" + next);
            OEM.verify(putRequestedFor(urlEqualTo("/oem/v1/supply-plans/" + next))
                    .withRequestBody(matchingJsonPath("$.dealerCode", equalTo("store-001")))
                    .withRequestBody(matchingJsonPath("$.forecast[1].quantity", equalTo("2")))
                    .withRequestBody(matchingJsonPath("$.colours[1].colour", equalTo("Deep Black"))));
            assertThat(as(MANAGER).put("/api/v1/vehicle-orders/plans/" + next + "/forecast", forecast).at("/type"))
                    .as("the forecast stands once its colours are confirmed").isEqualTo("https://forecourt.dev/problems/illegal-state");

            Api.Response ordered = as(MANAGER).post("/api/v1/vehicle-orders/plans/" + next + "/order", "{\"note\":\"monthly\"}");
            assertThat(ordered.status()).as(ordered.toString()).isEqualTo(201);
            assertThat(ordered.at("/kind")).isEqualTo("MONTHLY");
            assertThat(ordered.at("/month")).isEqualTo(next.toString());
            assertThat(ordered.json().get("quantity").asInt()).isEqualTo(8);
            assertThat(ordered.json().get("lines").size()).isEqualTo(3);
            assertThat(as(MANAGER).get("/api/v1/vehicle-orders/plans/" + next).at("/vehicleOrderId")).isEqualTo(ordered.at("/id"));
            assertThat(as(MANAGER).post("/api/v1/vehicle-orders/plans/" + next + "/order").status()).as("a month is ordered once").isEqualTo(409);
            assertThat(expect(probe, "vehicle-order-drafted", ordered.at("/id")).data().get("supplyPlanId").asString()).isEqualTo("sp-" + next);
        }
    }
}
