package dev.forecourt.parts.receiving;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import dev.forecourt.parts.PartsFixture;
import dev.forecourt.parts.stock.DocumentRef;
import dev.forecourt.parts.stock.DocumentType;
import dev.forecourt.parts.stock.Movement;
import dev.forecourt.parts.stock.MovementType;
import dev.forecourt.parts.stock.StockLedger;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.test.ForecourtServiceTest;

@ForecourtServiceTest
class ReceiptRecoveryTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    StockLedger ledger;

    @Autowired
    AggregateStore aggregates;

    @Autowired
    ReceiptRecovery recovery;

    @Test
    void aReceiptACrashLeftHalfBookedIsFinishedWithoutBookingAnyLineTwice() {
        PartsFixture parts = new PartsFixture(port);
        String booked = parts.part();
        String notYet = parts.part();
        String id = PartsFixture.id("gr");
        Actor keeper = new Actor("emp-storekeeper", "storekeeper", "Keeper", "parts-storekeeper");
        Instant receivedAt = Instant.now().minus(Duration.ofMinutes(5));
        aggregates.insert(GoodsReceipt.counted(id, "store-001", "SAIC-VW Parts", "DN-CRASH-" + id, List.of(
                new ReceiptLine(1, booked, 5, 5, 0, null, null, null),
                new ReceiptLine(2, notYet, 4, 3, 1, "bent", null, null)), keeper, receivedAt));
        // line 1 reached the shelf before the crash
        ledger.apply(new Movement(id + "-L1", booked, MovementType.RECEIPT, 5, 0, new DocumentRef(DocumentType.GOODS_RECEIPT, id),
                "DN-CRASH", null, keeper, receivedAt), null, new Update());

        recovery.resumeStranded();

        assertThat(parts.api().get("/api/v1/goods-receipts/" + id).at("/status")).isEqualTo("POSTED");
        assertThat(parts.stock(booked, "onHand")).isEqualTo(5);
        assertThat(parts.stock(notYet, "onHand")).isEqualTo(3);
        assertThat(parts.ledgerSum(booked)).isEqualTo(5);
        assertThat(parts.ledgerSum(notYet)).isEqualTo(3);
        assertThat(parts.api().get("/api/v1/supplier-returns/sr-" + id + "-L2").at("/quantity")).isEqualTo("1");
    }
}
