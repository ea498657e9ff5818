package dev.forecourt.parts.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import dev.forecourt.parts.PartsFixture;

import dev.forecourt.platform.test.ForecourtServiceTest;

@ForecourtServiceTest
class LedgerRecoveryTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Test
    void aMovementBookedOnTheCardButNotCopiedBeforeACrashReachesTheLedgerOnce() {
        PartsFixture parts = new PartsFixture(port);
        String partNumber = parts.part();
        parts.receive(partNumber, 4);
        // what a process that died right after the card's conditional update leaves behind
        Movement stranded = new Movement(PartsFixture.id("mv"), partNumber, MovementType.RECEIPT, 6, 0,
                new DocumentRef(DocumentType.GOODS_RECEIPT, "gr-crashed"), null, null, dev.forecourt.parts.stock.SystemActor.because("test"), Instant.now());
        mongo.updateFirst(query(where("_id").is(partNumber)),
                new Update().inc(StockCard.ON_HAND, 6).inc(StockCard.AVAILABLE, 6).push(StockCard.UNLEDGERED, stranded), StockCard.class);

        await().atMost(Duration.ofSeconds(20)).until(
                () -> mongo.exists(query(where("movementId").is(stranded.movementId())), Movement.class));

        assertThat(mongo.count(query(where("movementId").is(stranded.movementId())), Movement.class)).isEqualTo(1);
        assertThat(mongo.findOne(StockLedger.withoutOutbox(query(where("_id").is(partNumber))), StockCard.class).getUnledgered())
                .isEmpty();
        assertThat(parts.stock(partNumber, "onHand")).isEqualTo(10);
        assertThat(parts.ledgerSum(partNumber)).isEqualTo(10);
    }
}
