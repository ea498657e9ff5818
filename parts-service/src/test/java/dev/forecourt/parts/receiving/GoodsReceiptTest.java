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
                {"supplier":"SAIC-VW Parts","deliveryNote":"DN-1","lines":[
                  {"partNumber":"%s","delivered":10,"accepted":8,"rejected":2,"rejectionReason":"chipped"}]}""".formatted(pads));

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
        }
    }

    @Test
    void aRejectionWithoutReasonRefusesTheWholeReceipt() {
        PartsFixture parts = new PartsFixture(port);
        String filter = parts.part();
        String plug = parts.part();
        Api.Response receipt = parts.api().post("/api/v1/goods-receipts", """
                {"supplier":"SAIC-VW Parts","deliveryNote":"DN-2","lines":[
                  {"partNumber":"%s","delivered":5,"accepted":5,"rejected":0},
                  {"partNumber":"%s","delivered":5,"accepted":4,"rejected":1},
                  {"partNumber":"NOSUCHPART9","delivered":1,"accepted":1,"rejected":0},
                  {"partNumber":"%s","delivered":5,"accepted":5,"rejected":1,"rejectionReason":"dented"}]}"""
                .formatted(filter, plug, plug));

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
    }
}
