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

    @Autowired
    StockLedger ledger;

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

        // the sweeper pulls from the card only what it inserted into the ledger: an empty card means the copy is done
        await().atMost(Duration.ofSeconds(20)).until(
                () -> mongo.findOne(StockLedger.withoutOutbox(query(where("_id").is(partNumber))), StockCard.class).getUnledgered().isEmpty());

        assertThat(mongo.count(query(where("movementId").is(stranded.movementId())), Movement.class)).isEqualTo(1);
        assertThat(parts.stock(partNumber, "onHand")).isEqualTo(10);
        assertThat(parts.ledgerSum(partNumber)).isEqualTo(10);
    }

    @Test
    void aBatchCopyStoppedBetweenItsInsertAndItsPullIsFinishedWithEveryMovementOnce() {
        PartsFixture parts = new PartsFixture(port);
        String partNumber = parts.part();
        parts.receive(partNumber, 4);
        Movement copied = receipt(partNumber, 2);
        Movement notCopied = receipt(partNumber, 3);
        mongo.updateFirst(query(where("_id").is(partNumber)), new Update().inc(StockCard.ON_HAND, 5).inc(StockCard.AVAILABLE, 5)
                .push(StockCard.UNLEDGERED).each(copied, notCopied), StockCard.class);
        // an unordered insert of the batch got this far when the process stopped: the pull never ran
        mongo.insert(copied);

        assertThat(parts.movementCount(partNumber)).isEqualTo(3);
        assertThat(mongo.count(query(where("movementId").is(copied.movementId())), Movement.class)).isEqualTo(1);
        assertThat(mongo.count(query(where("movementId").is(notCopied.movementId())), Movement.class)).isEqualTo(1);
        assertThat(mongo.findOne(StockLedger.withoutOutbox(query(where("_id").is(partNumber))), StockCard.class).getUnledgered())
                .isEmpty();
        assertThat(parts.ledgerSum(partNumber)).isEqualTo(parts.stock(partNumber, "onHand")).isEqualTo(9);
    }

    @Test
    void anIssueNotCopiedYetIsBookedAndReadableByItsId() {
        PartsFixture parts = new PartsFixture(port);
        String partNumber = parts.part();
        parts.receive(partNumber, 4);
        String sale = parts.api().post("/api/v1/counter-sales", """
                {"customerName":"Ledger Reader","lines":[{"partNumber":"%s","quantity":1}]}""".formatted(partNumber)).at("/id");
        String issueId = parts.api().post("/api/v1/stock-issues", """
                {"partNumber":"%s","quantity":1,"document":{"type":"COUNTER_SALE","id":"%s"}}""".formatted(partNumber, sale)).at("/issueId");
        assertThat(mongo.exists(query(where("movementId").is(issueId)), Movement.class)).as("still on the card only").isFalse();

        assertThat(ledger.isBooked(partNumber, issueId)).isTrue();
        assertThat(ledger.isBooked(partNumber, PartsFixture.id("iss"))).isFalse();
        var issue = parts.api().get("/api/v1/stock-issues/" + issueId);
        assertThat(issue.status()).as(issue.toString()).isEqualTo(200);
        assertThat(issue.at("/partNumber")).isEqualTo(partNumber);
        assertThat(issue.json().get("quantity").asInt()).isEqualTo(1);
        assertThat(parts.api().get("/api/v1/stock-issues/" + PartsFixture.id("iss")).status()).isEqualTo(404);
    }

    private static Movement receipt(String partNumber, int quantity) {
        return new Movement(PartsFixture.id("mv"), partNumber, MovementType.RECEIPT, quantity, 0,
                new DocumentRef(DocumentType.GOODS_RECEIPT, "gr-crashed"), null, null, SystemActor.because("test"), Instant.now());
    }
}
