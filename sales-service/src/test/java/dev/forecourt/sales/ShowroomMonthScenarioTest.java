package dev.forecourt.sales;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.forecourt.sales.SalesFixtures.MANAGER;
import static dev.forecourt.sales.SalesFixtures.STOCK_ADMIN;
import static dev.forecourt.sales.SalesFixtures.money;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;
import dev.forecourt.platform.test.ForecourtServiceTest;
import dev.forecourt.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * The showroom's month in one go: a graded lead on the consultant's today list, the manager's
 * target, a call-off to the OEM (WireMock answers as the OEM simulator does) allocated and
 * dispatched, the car in transit, received and inspected, sold to the lead, delivered by
 * appointment with the checklist, and the board moved by the order and the delivery.
 */
@ForecourtServiceTest
class ShowroomMonthScenarioTest {

    static final WireMockServer OEM = start();
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

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

    @Test
    void aGradedLeadIsSoldACarOrderedFromTheOemAndDeliveredByAppointmentMovingTheBoard() {
        SalesFixtures fx = new SalesFixtures(port);
        String username = "m" + System.nanoTime();
        String consultantId = "emp-" + username;
        String consultant = TestTokens.staff(username, "sales-consultant", "vehicles:read", "leads:read", "leads:write",
                "sales-orders:read", "sales-orders:write", "sales-orders:deliver");
        String orderer = TestTokens.staff("supply" + System.nanoTime(), "sales-manager", "vehicle-orders:read", "vehicle-orders:write",
                "vehicle-orders:approve");
        String supervisor = TestTokens.staff("showroom" + System.nanoTime(), "showroom-supervisor", "sales-orders:read",
                "delivery-appointments:write");
        String month = YearMonth.now(SHANGHAI).toString();

        // graded leads with follow-ups → the consultant's today list
        String lead = fx.as(consultant).post("/api/v1/leads", """
                {"customer":{"name":"刘洋","phone":"13900000031"},"source":"WALK_IN","interest":{"model":"Tiguan L"}}""").at("/id");
        String waiting = fx.as(consultant).post("/api/v1/leads", """
                {"customer":{"name":"何静","phone":"13900000032"},"source":"WEB","interest":{"model":"Lavida"}}""").at("/id");
        Api.Response graded = fx.as(consultant).post("/api/v1/leads/" + lead + "/contacts",
                "{\"channel\":\"IN_PERSON\",\"note\":\"wants the white Tiguan L before the holidays\",\"intentGrade\":\"H\"}");
        assertThat(graded.status()).as(graded.toString()).isEqualTo(200);
        assertThat(graded.at("/intentGrade")).isEqualTo("H");
        assertThat(graded.at("/nextContactAt")).as("the grade's rhythm plans the next contact").isNotNull();
        await().atMost(Duration.ofSeconds(10)).until(() -> fx.as(consultant).get("/api/v1/leads/follow-ups/today")
                .json().get("overdue").findValuesAsString("leadId").contains(waiting));

        // the manager's target for the consultant
        Api.Response target = fx.as(MANAGER).post("/api/v1/sales-targets", """
                {"period":"%s","consultantId":"%s","consultantName":"Month Tester","orders":1,"deliveries":1,
                 "revenue":{"amount":219800,"currency":"CNY"}}""".formatted(month, consultantId));
        assertThat(target.status()).as(target.toString()).isEqualTo(201);

        // a call-off to the OEM → allocation → dispatched → in transit
        String vin = SalesFixtures.newVin();
        String oemOrderId = "SVW-VO-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        OEM.stubFor(post(urlEqualTo("/oem/v1/vehicle-orders")).withRequestBody(matchingJsonPath("$.lines[0].model", equalTo("Tiguan L")))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("""
                        {"oemOrderId":"%s","dealerCode":"store-001","orderNumber":"VO2026000001","kind":"CALL_OFF","month":"%s",
                         "allocations":[{"lineNo":1,"vin":"%s","model":"Tiguan L","trim":"330TSI","colour":"Pure White",
                           "listPrice":{"amount":219800.00,"currency":"CNY"},"invoicePrice":{"amount":202216.00,"currency":"CNY"}}],
                         "allocatedAt":"2026-12-05T02:00:00Z"}""".formatted(oemOrderId, month, vin))));
        OEM.stubFor(get(urlEqualTo("/oem/v1/vehicle-orders/" + oemOrderId + "/dispatches")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("""
                        {"oemOrderId":"%s","dispatches":[{"vin":"%s","dispatchedAt":"2026-12-05T02:00:00Z","expectedArrival":"%s",
                          "transportNote":"truck %s","keys":2,"documents":["certificate of conformity","owner's manual"]}]}"""
                        .formatted(oemOrderId, vin, LocalDate.now(SHANGHAI).plusDays(3), vin.substring(11)))));
        Api.Response drafted = fx.as(orderer).post("/api/v1/vehicle-orders",
                "{\"lines\":[{\"model\":\"Tiguan L\",\"trim\":\"330TSI\",\"colour\":\"Pure White\",\"quantity\":1}]}");
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        assertThat(fx.as(orderer).post("/api/v1/vehicle-orders/" + drafted.at("/id") + "/approve").status()).isEqualTo(200);
        Api.Response sent = fx.as(orderer).post("/api/v1/vehicle-orders/" + drafted.at("/id") + "/send");
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        assertThat(sent.at("/status")).isEqualTo("DISPATCHED");
        assertThat(fx.vehicle(vin).at("/status")).isEqualTo("IN_TRANSIT");

        // received and inspected as any car
        Api.Response received = fx.as(STOCK_ADMIN).post("/api/v1/vehicles/" + vin + "/arrival");
        assertThat(received.status()).as(received.toString()).isEqualTo(200);
        assertThat(received.at("/status")).isEqualTo("IN_STOCK");
        fx.pdi(vin, true);

        // sold to the lead: the order moves the board
        Api.Response order = fx.as(consultant).post("/api/v1/sales-orders", """
                {"customer":{"name":"刘洋","phone":"13900000031"},"vin":"%s","discount":%s,"leadId":"%s"}"""
                .formatted(vin, money("0"), lead));
        assertThat(order.status()).as(order.toString()).isEqualTo(201);
        String orderId = order.at("/id");
        assertThat(fx.as(consultant).post("/api/v1/sales-orders/" + orderId + "/confirm").status()).isEqualTo(200);
        assertThat(boardLine(fx, month, consultantId).get("orders").asInt()).isEqualTo(1);
        assertThat(boardLine(fx, month, consultantId).get("deliveries").asInt()).isZero();
        Api.Response paid = fx.as(consultant).post("/api/v1/sales-orders/" + orderId + "/payments",
                "{\"kind\":\"BALANCE\",\"method\":\"BANK_TRANSFER\",\"amount\":" + money(fx.order(orderId).at("/balanceDue/amount")) + "}");
        assertThat(paid.at("/status")).as(paid.toString()).isEqualTo("PAID");

        // delivered by appointment with the checklist: the delivery moves the board
        String when = OffsetDateTime.now(SHANGHAI).plusDays(1).withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        Api.Response appointment = fx.as(supervisor).post("/api/v1/delivery-appointments",
                "{\"salesOrderId\":\"" + orderId + "\",\"scheduledAt\":\"" + when + "\"}");
        assertThat(appointment.status()).as(appointment.toString()).isEqualTo(201);
        Api.Response delivered = fx.as(consultant).post("/api/v1/sales-orders/" + orderId + "/delivery", """
                {"odometerKm":8,"checklist":{"keysHandedOver":2,"documents":["certificate of conformity","owner's manual"],
                 "tools":["jack"],"accessories":[],"featuresExplained":["ACC","parking assist"]}}""");
        assertThat(delivered.status()).as(delivered.toString()).isEqualTo(200);
        assertThat(delivered.at("/delivery/deliveryAppointmentId")).isEqualTo(appointment.at("/id"));
        assertThat(fx.vehicle(vin).at("/status")).isEqualTo("DELIVERED");

        JsonNode line = boardLine(fx, month, consultantId);
        assertThat(line.get("orders").asInt()).isEqualTo(1);
        assertThat(line.get("ordersPercent").asDouble()).isEqualTo(100.0);
        assertThat(line.get("deliveries").asInt()).isEqualTo(1);
        assertThat(line.get("deliveriesPercent").asDouble()).isEqualTo(100.0);
        assertThat(new BigDecimal(line.at("/revenue/amount").asString())).isEqualByComparingTo("219800.00");

        try (EventProbe probe = EventProbe.on("forecourt.sales.events")) {
            EventSchemas.assertValid(probe.await("forecourt.sales.vehicle-order-allocated.v1", drafted.at("/id")));
            EventSchemas.assertValid(probe.await("forecourt.sales.vehicle-in-transit.v1", vin));
            EventSchemas.assertValid(probe.await("forecourt.sales.vehicle-received.v1", vin));
            EventProbe.ReceivedEvent handedOver = probe.await("forecourt.sales.vehicle-delivered.v1", orderId);
            EventSchemas.assertValid(handedOver);
            assertThat(handedOver.data().get("deliveryAppointmentId").asString()).isEqualTo(appointment.at("/id"));
        }
    }

    static JsonNode boardLine(SalesFixtures fx, String month, String consultantId) {
        Api.Response board = fx.as(MANAGER).get("/api/v1/sales-reports/board?month=" + month);
        assertThat(board.status()).as(board.toString()).isEqualTo(200);
        return board.json().get("consultants").valueStream().filter(l -> l.get("key").asString().equals(consultantId))
                .findFirst().orElseThrow();
    }
}
