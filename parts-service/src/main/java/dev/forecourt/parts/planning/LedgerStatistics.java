package dev.forecourt.parts.planning;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

import dev.forecourt.parts.stock.Movement;
import dev.forecourt.parts.stock.MovementType;
import dev.forecourt.parts.stock.StockLedger;

/**
 * Sums over the movement ledger per part (aggregation $match/$group/$sum, which the embedded store
 * supports). The cards' latest movements reach the ledger collection in batches, so each sum first
 * copies every card's leftovers.
 */
@Component
class LedgerStatistics {

    private final MongoTemplate mongo;
    private final StockLedger ledger;

    LedgerStatistics(MongoTemplate mongo, StockLedger ledger) {
        this.mongo = mongo;
        this.ledger = ledger;
    }

    /** Pieces issued per part in [from, to). */
    Map<String, Integer> issued(Instant from, Instant to) {
        Map<String, Integer> issued = new HashMap<>();
        sumOfQuantities(where("type").is(MovementType.ISSUE.name()).and("at").gte(Date.from(from)).lt(Date.from(to)))
                .forEach((part, sum) -> issued.put(part, -sum));
        return issued;
    }

    /** Net change of stock on hand per part from {@code since} until now. */
    Map<String, Integer> netChangeSince(Instant since) {
        return sumOfQuantities(where("at").gte(Date.from(since)));
    }

    private Map<String, Integer> sumOfQuantities(Criteria criteria) {
        ledger.flushAll();
        var aggregation = newAggregation(match(criteria), group("partNumber").sum("quantity").as("total"));
        Map<String, Integer> sums = new HashMap<>();
        for (Document row : mongo.aggregate(aggregation, mongo.getCollectionName(Movement.class), Document.class)) {
            sums.put(row.getString("_id"), ((Number) row.get("total")).intValue());
        }
        return sums;
    }
}
