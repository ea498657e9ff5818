package dev.forecourt.parts.receiving;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.forecourt.parts.PartsFixture;

import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;
import dev.forecourt.platform.test.ForecourtServiceTest;

@ForecourtServiceTest
class GoodsReceiptTest {

    @LocalServerPort
    int port;

    @Test
    void acceptedGoodsRaiseStockAtOnceAndRejectedOnesGoToTheSupplierReturnLedger() {
        PartsFixture parts = new PartsFixture(port);
        String pads = parts.part();
        Api.Response receipt = parts.api().post("/api/v1/goods-receipts", """
                {"supplier":"SAIC-VW Parts","deliveryNote":"DN-1-%s","lines":[
                  {"partNumber":"%s","delivered":10,"accepted":8,"rejected":2,"rejectionReason":"chipped"}]}""".formatted(pads, pads));

        assertThat(receipt.status()).as(receipt.toString()).isEqualTo(201);
        assertThat(receipt.at("/status")).isEqualTo("POSTED");
        assertThat(parts.stock(pads, "onHand")).isEqualTo(8);
        String returnId = receipt.at("/lines/0/supplierReturnId");
        Api.Response supplierReturn = parts.api().get("/api/v1/supplier-returns/" + returnId);
        assertThat(supplierReturn.at("/quantity")).isEqualTo("2");
        assertThat(supplierReturn.at("/source")).isEqualTo("REJECTED_AT_RECEIPT");
        assertThat(supplierReturn.at("/reason")).isEqualTo("chipped");
        Api.Response movements = parts.api().get("/api/v1/parts/" + pads + "/movements");
        assertThat(movements.at("/items/0/type")).isEqualTo("RECEIPT");
        assertThat(movements.at("/items/0/document/id")).isEqualTo(receipt.at("/id"));

        try (EventProbe probe = EventProbe.on("forecourt.parts.events")) {
            EventProbe.ReceivedEvent received = probe.await("forecourt.parts.parts-received.v1", pads);
            EventSchemas.assertValid(received);
            assertThat(received.data().get("quantity").asInt()).isEqualTo(8);
            EventProbe.ReceivedEvent delivery = probe.await("forecourt.parts.goods-received.v1", receipt.at("/id"));
            EventSchemas.assertValid(delivery);
            assertThat(delivery.data().get("deliveryNote").asString()).isEqualTo("DN-1-" + pads);
            assertThat(delivery.data().get("rejectedPieces").asInt()).isEqualTo(2);
            assertThat(delivery.data().get("lines").get(0).get("rejectionReason").asString()).isEqualTo("chipped");
            assertThat(delivery.data().get("lines").get(0).get("supplierReturnId").asString()).isEqualTo(returnId);
            EventProbe.ReceivedEvent refused = probe.await("forecourt.parts.supplier-return-recorded.v1", returnId);
            EventSchemas.assertValid(refused);
            assertThat(refused.data().get("source").asString()).isEqualTo("REJECTED_AT_RECEIPT");
            assertThat(refused.data().get("quantity").asInt()).isEqualTo(2);
        }
    }

    @Test
    void aRejectionWithoutReasonRefusesTheWholeReceipt() {
        PartsFixture parts = new PartsFixture(port);
        String filter = parts.part();
        String plug = parts.part();
        Api.Response receipt = parts.api().post("/api/v1/goods-receipts", """
                {"supplier":"SAIC-VW Parts","deliveryNote":"DN-2-%s","lines":[
                  {"partNumber":"%s","delivered":5,"accepted":5,"rejected":0},
                  {"partNumber":"%s","delivered":5,"accepted":4,"rejected":1},
                  {"partNumber":"NOSUCHPART9","delivered":1,"accepted":1,"rejected":0},
                  {"partNumber":"%s","delivered":5,"accepted":5,"rejected":1,"rejectionReason":"dented"}]}"""
                .formatted(filter, filter, plug, plug));

        assertThat(receipt.status()).isEqualTo(422);
        assertThat(receipt.body()).contains("lines[1].rejectionReason", "lines[2].partNumber", "lines[3].accepted");
        assertThat(parts.stock(filter, "onHand")).isZero();
        assertThat(parts.movementCount(filter)).isZero();
        assertThat(parts.movementCount(plug)).isZero();
    }

    @Test
    void defectiveGoodsOnTheShelfGoBackToTheSupplierFromAvailableStock() {
        PartsFixture parts = new PartsFixture(port);
        String arm = parts.part();
        parts.receive(arm, 3);
        Api.Response tooMany = parts.api().post("/api/v1/supplier-returns", """
                {"partNumber":"%s","quantity":4,"supplier":"SAIC-VW Parts","reason":"cracked"}""".formatted(arm));
        Api.Response returned = parts.api().post("/api/v1/supplier-returns", """
                {"partNumber":"%s","quantity":1,"supplier":"SAIC-VW Parts","reason":"cracked"}""".formatted(arm));

        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(returned.status()).isEqualTo(201);
        assertThat(parts.stock(arm, "onHand")).isEqualTo(2);
        assertThat(parts.ledgerSum(arm)).isEqualTo(2);
        String id = returned.at("/id");
        assertThat(parts.api().post("/api/v1/supplier-returns/" + id + "/ship", "{\"shipmentReference\":\"SF123\"}").at("/status"))
                .isEqualTo("SHIPPED");
        assertThat(parts.api().post("/api/v1/supplier-returns/" + id + "/ship").status()).isEqualTo(409);
        try (EventProbe probe = EventProbe.on("forecourt.parts.events")) {
            EventSchemas.assertValid(probe.await("forecourt.parts.supplier-return-recorded.v1", id));
            EventProbe.ReceivedEvent shipped = probe.await("forecourt.parts.supplier-return-shipped.v1", id);
            EventSchemas.assertValid(shipped);
            assertThat(shipped.data().get("shipmentReference").asString()).isEqualTo("SF123");
        }
    }

    @Test
    void theSameDeliveryNoteOfASupplierIsReceivedOnce() {
        PartsFixture parts = new PartsFixture(port);
        String filter = parts.part();
        String deliveryNote = PartsFixture.id("DN");
        String body = """
                {"supplier":"%s","deliveryNote":"%s","lines":[{"partNumber":"%s","delivered":18,"accepted":18,"rejected":0}]}""";
        Api.Response first = parts.api().post("/api/v1/goods-receipts", body.formatted("SAIC-VW Parts", deliveryNote, filter));
        Api.Response again = parts.api().post("/api/v1/goods-receipts", body.formatted(" saic-vw parts ", deliveryNote, filter));
        Api.Response otherSupplier = parts.api().post("/api/v1/goods-receipts", body.formatted("Local Parts Co", deliveryNote, filter));

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("ETag")).isEqualTo("\"" + first.at("/version") + "\"");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.at("/type")).endsWith("/delivery-note-already-received");
        assertThat(again.at("/receiptId")).isEqualTo(first.at("/id"));
        assertThat(otherSupplier.status()).isEqualTo(201);
        assertThat(parts.stock(filter, "onHand")).isEqualTo(36).isEqualTo(parts.ledgerSum(filter));
    }

    @Test
    void aNonGenuineLineForAnOemPartIsRefusedAndNothingIsBooked() {
        PartsFixture parts = new PartsFixture(port);
        String oem = parts.part();
        Api.Response receipt = parts.api().post("/api/v1/goods-receipts", """
                {"supplier":"Local Parts Co","deliveryNote":"%s","lines":[
                  {"partNumber":"%s","delivered":4,"accepted":4,"rejected":0,"genuineOem":false}]}""".formatted(PartsFixture.id("DN"), oem));

        assertThat(receipt.status()).isEqualTo(422);
        assertThat(receipt.body()).contains("lines[0].genuineOem");
        assertThat(parts.stock(oem, "onHand")).isZero();
        assertThat(parts.movementCount(oem)).isZero();
    }
}
