package dev.forecourt.parts.stock;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finishes copying movements that a request booked on a card but did not copy to the ledger (the
 * process stopped between the two writes), and re-checks the reorder point of those cards. Like the
 * outbox relay's sweep, it is the safety net behind the fast path.
 */
@Component
class LedgerSweeper {

    private final MongoTemplate mongo;
    private final StockLedger ledger;

    LedgerSweeper(MongoTemplate mongo, StockLedger ledger) {
        this.mongo = mongo;
        this.ledger = ledger;
    }

    @Scheduled(fixedDelayString = "${forecourt.parts.ledger-sweep-interval:5s}")
    void sweep() {
        Query stranded = StockLedger.withoutOutbox(query(where(StockCard.UNLEDGERED + ".0").exists(true)).limit(500));
        for (StockCard card : mongo.find(stranded, StockCard.class)) {
            card.getUnledgered().forEach(ledger::copyToLedger);
            ledger.watchReorderPoint(card);
        }
    }
}
