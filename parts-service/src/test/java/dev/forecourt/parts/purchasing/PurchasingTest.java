package dev.forecourt.parts.purchasing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.forecourt.parts.PartsFixture;
import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;
import dev.forecourt.platform.test.ForecourtServiceTest;
import dev.forecourt.platform.test.TestTokens;

/** Purchasing: suppliers, orders drafted, approved above the approval value, sent (OEM through its system), received against. */
@ForecourtServiceTest
class PurchasingTest {

    static final WireMockServer OEM = start();

    @DynamicPropertySource
    static void oemPartsCentre(DynamicPropertyRegistry registry) {
        registry.add("forecourt.parts.oem-parts-centre.url", OEM::baseUrl);
    }

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        return server;
    }

    @LocalServerPort
    int port;

    final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    Api planner() {
        return Api.at(port).checked().as(TestTokens.staff("planner", "parts-planner", "purchase-orders:write", "purchase-orders:read", "suppliers:read"));
    }

    Api manager() {
        return Api.at(port).checked().as(TestTokens.staff("partsmanager", "parts-manager", "purchase-orders:approve", "purchase-orders:read",
                "suppliers:read", "suppliers:write", "parts:receive", "parts:read"));
    }

    @Test
    void anOemOrderAboveTheApprovalValueIsApprovedSentConfirmedWithABackOrderAndReceivedInTwoDeliveries() {
        PartsFixture parts = new PartsFixture(port);
        String arm = parts.part(2, 20, 1, "C-01-" + UUID.randomUUID().toString().substring(0, 4), "1500.00");
        String oem = supplier("OEM", "OEM_PARTS_CENTRE", 3, true);
        LocalDate arrival = today.plusDays(3);
        OEM.stubFor(post(urlEqualTo("/oem/v1/parts-orders")).withHeader("X-Api-Key", equalTo("dev-oem-api-key")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("""
                        {"oemOrderId":"SVW-778899","lines":[{"lineNo":1,"confirmedQuantity":12,"backOrderedQuantity":8,
                         "expectedArrival":"%s"}]}""".formatted(arrival))));

        Api.Response drafted = planner().post("/api/v1/purchase-orders", """
                {"supplierId":"%s","lines":[{"partNumber":"%s","quantity":20}]}""".formatted(oem, arm));
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        String id = drafted.at("/id");
        String number = drafted.at("/orderNumber");
        assertThat(number).matches("PO20[0-9]{2}[0-9]{6}");
        assertThat(new BigDecimal(drafted.at("/value/amount"))).isEqualByComparingTo("30000.00");

        Api.Response submitted = planner().post("/api/v1/purchase-orders/" + id + "/submit");
        assertThat(submitted.at("/status")).isEqualTo("AWAITING_APPROVAL");
        assertThat(planner().post("/api/v1/purchase-orders/" + id + "/approve").status()).isEqualTo(403);
        assertThat(planner().post("/api/v1/purchase-orders/" + id + "/send").status()).isEqualTo(409);
        Api.Response approved = manager().post("/api/v1/purchase-orders/" + number + "/approve");
        assertThat(approved.at("/status")).isEqualTo("APPROVED");
        assertThat(approved.at("/approvedBy/username")).isEqualTo("partsmanager");

        Api.Response sent = planner().header("If-Match", approved.header("ETag")).post("/api/v1/purchase-orders/" + id + "/send");
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        assertThat(sent.at("/status")).isEqualTo("CONFIRMED");
        assertThat(sent.at("/supplierReference")).isEqualTo("SVW-778899");
        assertThat(sent.at("/lines/0/confirmed")).isEqualTo("12");
        assertThat(sent.at("/lines/0/backOrdered")).isEqualTo("8");
        assertThat(sent.at("/lines/0/expectedArrival")).isEqualTo(arrival.toString());
        OEM.verify(postRequestedFor(urlEqualTo("/oem/v1/parts-orders")).withHeader("Idempotency-Key", equalTo(number))
                .withRequestBody(matchingJsonPath("$.lines[0].partNumber", equalTo(arm))));
        assertThat(planner().get("/api/v1/parts-reports/back-orders?size=200").json().get("items")).anySatisfy(b -> {
            assertThat(b.get("partNumber").asString()).isEqualTo(arm);
            assertThat(b.get("backOrdered").asInt()).isEqualTo(8);
        });

        // first delivery: the confirmed 12; more than outstanding needs the manager, a look-alike is refused on an OEM order
        assertThat(receive(parts.api(), number, arm, 12, null, false).status()).isEqualTo(201);
        Api.Response over = receive(parts.api(), number, arm, 10, null, false);
        assertThat(over.status()).isEqualTo(422);
        assertThat(over.body()).contains("lines[0].accepted", "over-delivery");
        assertThat(receive(parts.api(), number, arm, 10, null, true).status()).isEqualTo(403);
        Api.Response lookAlike = receive(parts.api(), number, arm, 2, false, false);
        assertThat(lookAlike.status()).isEqualTo(422);
        assertThat(lookAlike.body()).contains("lines[0].genuineOem");
        assertThat(parts.stock(arm, "onHand")).isEqualTo(12);
        Api.Response partly = planner().get("/api/v1/purchase-orders/" + id);
        assertThat(partly.at("/status")).isEqualTo("CONFIRMED");
        assertThat(partly.at("/lines/0/received")).isEqualTo("12");

        // the back order arrives, one piece more than ordered, which the parts manager accepts
        Api.Response backOrder = receive(manager(), number, arm, 9, null, true);
        assertThat(backOrder.status()).as(backOrder.toString()).isEqualTo(201);
        Api.Response closed = planner().get("/api/v1/purchase-orders/" + id);
        assertThat(closed.at("/status")).isEqualTo("CLOSED");
        assertThat(parts.stock(arm, "onHand")).isEqualTo(21).isEqualTo(parts.ledgerSum(arm));
        Api.Response performance = planner().get("/api/v1/suppliers/" + oem + "/performance");
        assertThat(new BigDecimal(performance.at("/onTimeRate"))).isEqualByComparingTo("1");
        assertThat(new BigDecimal(performance.at("/fillRate"))).isEqualByComparingTo("1");
        assertThat(new BigDecimal(performance.at("/rejectionRate"))).isEqualByComparingTo("0");

        try (EventProbe probe = EventProbe.on("forecourt.parts.events")) {
            for (String type : new String[] {"purchase-order-drafted", "purchase-order-submitted", "purchase-order-approved",
                    "purchase-order-sent", "purchase-order-confirmed", "purchase-order-received", "purchase-order-closed"}) {
                EventSchemas.assertValid(probe.await("forecourt.parts." + type + ".v1", id));
            }
            EventSchemas.assertValid(probe.await("forecourt.parts.supplier-registered.v1", oem));
        }
    }

    @Test
    void aLocalOrderIsMarkedSentConfirmedByHandAndACancelledLineTakesNoGoods() {
        PartsFixture parts = new PartsFixture(port);
        String filter = parts.part();
        String plug = parts.part();
        String local = supplier("LOC", "LOCAL", 1, false);
        String id = planner().post("/api/v1/purchase-orders", """
                {"supplierId":"%s","lines":[{"partNumber":"%s","quantity":5},{"partNumber":"%s","quantity":3}]}"""
                .formatted(local, filter, plug)).at("/id");
        Api.Response approvedAtOnce = planner().post("/api/v1/purchase-orders/" + id + "/submit");
        assertThat(approvedAtOnce.at("/status")).isEqualTo("APPROVED");
        assertThat(planner().post("/api/v1/purchase-orders/" + id + "/send").at("/status")).isEqualTo("SENT");
        Api.Response confirmed = planner().post("/api/v1/purchase-orders/" + id + "/confirmation", """
                {"lines":[{"lineNo":1,"confirmed":5,"expectedArrival":"%s"},{"lineNo":2,"confirmed":0,"expectedArrival":null}],
                 "supplierReference":"FAX-12"}""".formatted(today.minusDays(1)));
        assertThat(confirmed.at("/status")).isEqualTo("CONFIRMED");
        assertThat(planner().get("/api/v1/parts-reports/overdue-deliveries?size=200").json().get("items")).anySatisfy(l -> {
            assertThat(l.get("purchaseOrderId").asString()).isEqualTo(id);
            assertThat(l.get("lineNo").asInt()).isEqualTo(1);
            assertThat(l.get("daysOverdue").asLong()).isEqualTo(1);
        });
        assertThat(planner().get("/api/v1/parts-reports/open-purchase-orders?size=200").json().get("items"))
                .anySatisfy(o -> assertThat(o.get("purchaseOrderId").asString()).isEqualTo(id));

        Api.Response cancelled = planner().post("/api/v1/purchase-orders/" + id + "/lines/2/cancel", "{\"reason\":\"supplier out of stock\"}");
        assertThat(cancelled.at("/lines/1/cancelled")).isEqualTo("true");
        Api.Response againstCancelled = receive(parts.api(), id, plug, 3, null, false, 2);
        assertThat(againstCancelled.status()).isEqualTo(422);
        assertThat(againstCancelled.body()).contains("lines[0].purchaseOrderLine", "cancelled");
        assertThat(parts.stock(plug, "onHand")).isZero();

        assertThat(receive(parts.api(), id, filter, 5, null, false, 1).status()).isEqualTo(201);
        assertThat(planner().get("/api/v1/purchase-orders/" + id).at("/status")).isEqualTo("CLOSED");
        Api.Response performance = planner().get("/api/v1/suppliers/" + local + "/performance");
        assertThat(new BigDecimal(performance.at("/onTimeRate"))).isEqualByComparingTo("0");
        assertThat(new BigDecimal(performance.at("/fillRate"))).isEqualByComparingTo("0.625");
        try (EventProbe probe = EventProbe.on("forecourt.parts.events")) {
            EventSchemas.assertValid(probe.await("forecourt.parts.purchase-order-line-cancelled.v1", id));
        }
    }

    @Test
    void aSupplierIsEditedWithItsETagAndTheOemPartsCentreOnlyDeliversGenuineParts() {
        String code = supplier("EDIT", "LOCAL", 2, false);
        Api.Response read = manager().get("/api/v1/suppliers/" + code);
        String body = """
                {"name":"Local Parts Co","kind":"LOCAL","leadTimeDays":4,"genuineOem":false}""";
        Api.Response edited = manager().header("If-Match", read.header("ETag")).put("/api/v1/suppliers/" + code, body);
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.at("/leadTimeDays")).isEqualTo("4");
        assertThat(manager().header("If-Match", read.header("ETag")).put("/api/v1/suppliers/" + code, body).status()).isEqualTo(409);
        Api.Response notGenuine = manager().put("/api/v1/suppliers/" + code, """
                {"name":"Local Parts Co","kind":"OEM_PARTS_CENTRE","leadTimeDays":4,"genuineOem":false}""");
        assertThat(notGenuine.status()).isEqualTo(422);
        assertThat(planner().post("/api/v1/suppliers", body).status()).isEqualTo(403);
        try (EventProbe probe = EventProbe.on("forecourt.parts.events")) {
            EventSchemas.assertValid(probe.await("forecourt.parts.supplier-changed.v1", code));
        }
    }

    private String supplier(String prefix, String kind, int leadTimeDays, boolean genuine) {
        String code = prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Api.Response registered = manager().post("/api/v1/suppliers", """
                {"code":"%s","name":"%s supplier","kind":"%s","leadTimeDays":%d,"genuineOem":%s}"""
                .formatted(code, prefix, kind, leadTimeDays, genuine));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return registered.at("/id");
    }

    private static Api.Response receive(Api as, String order, String partNumber, int quantity, Boolean genuine, boolean overDelivery) {
        return receive(as, order, partNumber, quantity, genuine, overDelivery, 1);
    }

    private static Api.Response receive(Api as, String order, String partNumber, int quantity, Boolean genuine, boolean overDelivery,
                                        int orderLine) {
        return as.post("/api/v1/goods-receipts", """
                {"supplier":"Supplier","deliveryNote":"%s","purchaseOrder":"%s","overDeliveryApproved":%s,"lines":[
                  {"partNumber":"%s","delivered":%d,"accepted":%d,"rejected":0,"genuineOem":%s,"purchaseOrderLine":%d}]}"""
                .formatted(PartsFixture.id("DN"), order, overDelivery, partNumber, quantity, quantity, genuine, orderLine));
    }
}
