package dev.forecourt.parts.purchasing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.forecourt.parts.PartsFixture;
import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.ForecourtServiceTest;
import dev.forecourt.platform.test.TestTokens;

/**
 * Receipts against purchase orders that the goods-in desk must refuse — each a clear problem+json
 * with nothing booked (no stock, no ledger entry, no receipt, the order unchanged: the same delivery
 * note is then received once corrected) — and the supplier performance receipts make.
 */
@ForecourtServiceTest
class ReceiptAgainstOrderTest {

    static final WireMockServer OEM = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        OEM.start();
    }

    @DynamicPropertySource
    static void oemPartsCentre(DynamicPropertyRegistry registry) {
        registry.add("forecourt.parts.oem-parts-centre.url", OEM::baseUrl);
    }

    @AfterAll
    static void stop() {
        OEM.stop();
    }

    @LocalServerPort
    int port;

    final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    Api planner() {
        return Api.at(port).checked().as(TestTokens.staff("planner", "parts-planner", "purchase-orders:write", "purchase-orders:read",
                "suppliers:read"));
    }

    Api manager() {
        return Api.at(port).checked().as(TestTokens.staff("partsmanager", "parts-manager", "purchase-orders:approve", "purchase-orders:read",
                "suppliers:read", "suppliers:write", "parts:receive", "parts:read"));
    }

    @Test
    void anOverDeliveryWithoutThePartsManagersApprovalIsRefusedAndNothingIsBooked() {
        PartsFixture parts = new PartsFixture(port);
        String pads = parts.part();
        String order = sentLocalOrder(parts, pads, 4);
        String version = planner().get("/api/v1/purchase-orders/" + order).at("/version");
        String note = PartsFixture.id("DN");

        Api.Response refused = receive(parts.api(), order, note, pads, 6, 6, 0, true, false, 1);
        refusedClearly(refused, "lines[0].accepted", "over-delivery");
        assertThat(refused.body()).contains("4 outstanding");
        nothingBooked(parts, pads, order, version);
        // the storekeeper cannot approve it herself
        Api.Response approvedBySelf = receive(parts.api(), order, note, pads, 6, 6, 0, true, true, 1);
        assertThat(approvedBySelf.status()).isEqualTo(403);
        assertThat(approvedBySelf.isProblem()).isTrue();
        nothingBooked(parts, pads, order, version);

        // the same delivery note, approved by the parts manager, is received once
        assertThat(receive(manager(), order, note, pads, 6, 6, 0, true, true, 1).status()).isEqualTo(201);
        assertThat(parts.stock(pads, "onHand")).isEqualTo(6).isEqualTo(parts.ledgerSum(pads));
        assertThat(planner().get("/api/v1/purchase-orders/" + order).at("/lines/0/received")).isEqualTo("6");
    }

    @Test
    void aNonGenuineLineOnAnOemOrderIsRefusedAndNothingIsBooked() {
        PartsFixture parts = new PartsFixture(port);
        String filter = parts.part();
        String oem = supplier("OEM", "OEM_PARTS_CENTRE", 3, true);
        OEM.stubFor(post(urlEqualTo("/oem/v1/parts-orders")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("""
                        {"oemOrderId":"SVW-%s","lines":[{"lineNo":1,"confirmedQuantity":10,"backOrderedQuantity":0,"expectedArrival":"%s"}]}
                        """.formatted(UUID.randomUUID().toString().substring(0, 6), today.plusDays(2)))));
        String order = planner().post("/api/v1/purchase-orders", """
                {"supplierId":"%s","lines":[{"partNumber":"%s","quantity":10}]}""".formatted(oem, filter)).at("/id");
        assertThat(planner().post("/api/v1/purchase-orders/" + order + "/submit").at("/status")).isEqualTo("APPROVED");
        assertThat(planner().post("/api/v1/purchase-orders/" + order + "/send").at("/status")).isEqualTo("CONFIRMED");
        String version = planner().get("/api/v1/purchase-orders/" + order).at("/version");
        String note = PartsFixture.id("DN");

        Api.Response refused = receive(parts.api(), order, note, filter, 10, 10, 0, false, false, 1);
        refusedClearly(refused, "lines[0].genuineOem", "genuine parts only");
        nothingBooked(parts, filter, order, version);
        // not even with the parts manager's approval of an over-delivery
        refusedClearly(receive(manager(), order, note, filter, 10, 10, 0, false, true, 1), "lines[0].genuineOem", "genuine parts only");
        nothingBooked(parts, filter, order, version);

        assertThat(receive(parts.api(), order, note, filter, 10, 10, 0, true, false, 1).status()).isEqualTo(201);
        assertThat(parts.stock(filter, "onHand")).isEqualTo(10).isEqualTo(parts.ledgerSum(filter));
        assertThat(planner().get("/api/v1/purchase-orders/" + order).at("/status")).isEqualTo("CLOSED");
    }

    @Test
    void aReceiptAgainstACancelledLineIsRefusedAndNothingIsBooked() {
        PartsFixture parts = new PartsFixture(port);
        String wiper = parts.part();
        String bulb = parts.part();
        String local = supplier("LOC", "LOCAL", 2, false);
        String order = planner().post("/api/v1/purchase-orders", """
                {"supplierId":"%s","lines":[{"partNumber":"%s","quantity":2},{"partNumber":"%s","quantity":5}]}"""
                .formatted(local, wiper, bulb)).at("/id");
        planner().post("/api/v1/purchase-orders/" + order + "/submit");
        assertThat(planner().post("/api/v1/purchase-orders/" + order + "/send").at("/status")).isEqualTo("SENT");
        assertThat(planner().post("/api/v1/purchase-orders/" + order + "/lines/2/cancel", "{\"reason\":\"discontinued\"}")
                .at("/lines/1/cancelled")).isEqualTo("true");
        String version = planner().get("/api/v1/purchase-orders/" + order).at("/version");
        String note = PartsFixture.id("DN");

        // the whole receipt is refused, also its good line
        Api.Response refused = parts.api().post("/api/v1/goods-receipts", """
                {"supplier":"Local","deliveryNote":"%s","purchaseOrder":"%s","lines":[
                  {"partNumber":"%s","delivered":2,"accepted":2,"rejected":0,"purchaseOrderLine":1},
                  {"partNumber":"%s","delivered":5,"accepted":5,"rejected":0,"purchaseOrderLine":2}]}"""
                .formatted(note, order, wiper, bulb));
        refusedClearly(refused, "lines[1].purchaseOrderLine", "is cancelled");
        nothingBooked(parts, bulb, order, version);
        nothingBooked(parts, wiper, order, version);
        // not even as an approved over-delivery
        refusedClearly(receive(manager(), order, note, bulb, 5, 5, 0, null, true, 2), "lines[0].purchaseOrderLine", "is cancelled");
        nothingBooked(parts, bulb, order, version);

        assertThat(receive(parts.api(), order, note, wiper, 2, 2, 0, null, false, 1).status()).isEqualTo(201);
        assertThat(parts.stock(wiper, "onHand")).isEqualTo(2);
        assertThat(parts.stock(bulb, "onHand")).isZero();
        assertThat(planner().get("/api/v1/purchase-orders/" + order).at("/status")).isEqualTo("CLOSED");
    }

    @Test
    void supplierPerformanceIsOnTimeFillAndRejectionRateFromTheReceiptsOfItsOrders() {
        PartsFixture parts = new PartsFixture(port);
        String belt = parts.part();
        String hose = parts.part();
        String local = supplier("PERF", "LOCAL", 2, false);
        String order = planner().post("/api/v1/purchase-orders", """
                {"supplierId":"%s","lines":[{"partNumber":"%s","quantity":10},{"partNumber":"%s","quantity":10}]}"""
                .formatted(local, belt, hose)).at("/id");
        planner().post("/api/v1/purchase-orders/" + order + "/submit");
        planner().post("/api/v1/purchase-orders/" + order + "/send");
        // line 1 promised for today (on time when it comes today), line 2 promised yesterday (late whenever it comes)
        assertThat(planner().post("/api/v1/purchase-orders/" + order + "/confirmation", """
                {"lines":[{"lineNo":1,"confirmed":10,"expectedArrival":"%s"},{"lineNo":2,"confirmed":10,"expectedArrival":"%s"}]}"""
                .formatted(today, today.minusDays(1))).status()).isEqualTo(200);

        // belts: 12 delivered, 2 refused as damaged, 10 accepted; hoses: 8 delivered and accepted, then the rest cancelled
        Api.Response belts = parts.api().post("/api/v1/goods-receipts", """
                {"supplier":"Perf","deliveryNote":"%s","purchaseOrder":"%s","lines":[
                  {"partNumber":"%s","delivered":12,"accepted":10,"rejected":2,"rejectionReason":"damaged in transit","purchaseOrderLine":1}]}"""
                .formatted(PartsFixture.id("DN"), order, belt));
        assertThat(belts.status()).as(belts.toString()).isEqualTo(201);
        assertThat(receive(parts.api(), order, PartsFixture.id("DN"), hose, 8, 8, 0, null, false, 2).status()).isEqualTo(201);
        Api.Response closed = planner().post("/api/v1/purchase-orders/" + order + "/lines/2/cancel", "{\"reason\":\"no more coming\"}");
        assertThat(closed.at("/status")).isEqualTo("CLOSED");

        Api.Response performance = planner().get("/api/v1/suppliers/" + local + "/performance");
        assertThat(performance.status()).isEqualTo(200);
        assertThat(performance.at("/orders")).isEqualTo("1");
        assertThat(performance.at("/receiptLines")).isEqualTo("2");
        assertThat(new BigDecimal(performance.at("/onTimeRate"))).as("one of two receipt lines by its date").isEqualByComparingTo("0.5");
        assertThat(new BigDecimal(performance.at("/fillRate"))).as("18 of 20 ordered pieces received").isEqualByComparingTo("0.9");
        assertThat(new BigDecimal(performance.at("/rejectionRate"))).as("2 of 20 delivered pieces refused").isEqualByComparingTo("0.1");
        assertThat(planner().get("/api/v1/parts-reports/supplier-performance?size=200").json().get("items")).anySatisfy(s -> {
            assertThat(s.get("supplierId").asString()).isEqualTo(local);
            assertThat(s.get("fillRate").decimalValue()).isEqualByComparingTo("0.9");
        });
    }

    @Test
    void anOverDeliveryOnOneLineDoesNotHideAShortDeliveryOnAnotherInTheFillRate() {
        PartsFixture parts = new PartsFixture(port);
        String disc = parts.part();
        String pad = parts.part();
        String local = supplier("FILL", "LOCAL", 2, false);
        String order = planner().post("/api/v1/purchase-orders", """
                {"supplierId":"%s","lines":[{"partNumber":"%s","quantity":10},{"partNumber":"%s","quantity":10}]}"""
                .formatted(local, disc, pad)).at("/id");
        planner().post("/api/v1/purchase-orders/" + order + "/submit");
        planner().post("/api/v1/purchase-orders/" + order + "/send");
        assertThat(receive(manager(), order, PartsFixture.id("DN"), disc, 12, 12, 0, null, true, 1).status()).isEqualTo(201);
        assertThat(receive(parts.api(), order, PartsFixture.id("DN"), pad, 8, 8, 0, null, false, 2).status()).isEqualTo(201);
        assertThat(planner().post("/api/v1/purchase-orders/" + order + "/lines/2/cancel", "{\"reason\":\"no more coming\"}")
                .at("/status")).isEqualTo("CLOSED");

        Api.Response performance = planner().get("/api/v1/suppliers/" + local + "/performance");
        assertThat(new BigDecimal(performance.at("/fillRate"))).as("10 + 8 of 20: the 2 extra discs fill no pads")
                .isEqualByComparingTo("0.9");
    }

    private static void refusedClearly(Api.Response refused, String field, String why) {
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.isProblem()).as(refused.toString()).isTrue();
        assertThat(refused.at("/type")).endsWith("/receipt-invalid");
        assertThat(refused.at("/detail")).contains("nothing was booked");
        assertThat(refused.json().path("errors")).anySatisfy(error -> {
            assertThat(error.get("field").asString()).isEqualTo(field);
            assertThat(error.get("message").asString()).contains(why);
        });
    }

    private void nothingBooked(PartsFixture parts, String partNumber, String order, String version) {
        assertThat(parts.stock(partNumber, "onHand")).isZero();
        assertThat(parts.movementCount(partNumber)).isZero();
        Api.Response unchanged = planner().get("/api/v1/purchase-orders/" + order);
        assertThat(unchanged.at("/version")).isEqualTo(version);
        unchanged.json().get("lines").forEach(line -> assertThat(line.get("received").asInt()).isZero());
    }

    private String sentLocalOrder(PartsFixture parts, String partNumber, int quantity) {
        String local = supplier("OVER", "LOCAL", 1, false);
        String order = planner().post("/api/v1/purchase-orders", """
                {"supplierId":"%s","lines":[{"partNumber":"%s","quantity":%d}]}""".formatted(local, partNumber, quantity)).at("/id");
        planner().post("/api/v1/purchase-orders/" + order + "/submit");
        assertThat(planner().post("/api/v1/purchase-orders/" + order + "/send").at("/status")).isEqualTo("SENT");
        return order;
    }

    private String supplier(String prefix, String kind, int leadTimeDays, boolean genuine) {
        String code = prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Api.Response registered = manager().post("/api/v1/suppliers", """
                {"code":"%s","name":"%s supplier","kind":"%s","leadTimeDays":%d,"genuineOem":%s}"""
                .formatted(code, prefix, kind, leadTimeDays, genuine));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return registered.at("/id");
    }

    private static Api.Response receive(Api as, String order, String note, String partNumber, int delivered, int accepted, int rejected,
                                        Boolean genuine, boolean overDelivery, int orderLine) {
        return as.post("/api/v1/goods-receipts", """
                {"supplier":"Supplier","deliveryNote":"%s","purchaseOrder":"%s","overDeliveryApproved":%s,"lines":[
                  {"partNumber":"%s","delivered":%d,"accepted":%d,"rejected":%d,"genuineOem":%s,"purchaseOrderLine":%d}]}"""
                .formatted(note, order, overDelivery, partNumber, delivered, accepted, rejected, genuine, orderLine));
    }
}
