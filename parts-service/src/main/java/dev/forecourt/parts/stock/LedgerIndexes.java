package dev.forecourt.parts.stock;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import jakarta.annotation.PostConstruct;

/**
 * Declares the ledger's indexes. A movement's id is unique in the ledger collection, so copying it twice (request and sweeper)
 * stores it once. Not declared with {@code @Indexed} on {@link Movement}: mapping would then also
 * index {@code unledgered.movementId} on the stock cards, which the MongoDB-wire server cannot
 * maintain on array updates.
 */
@Component
class LedgerIndexes {

    private final MongoTemplate mongo;

    LedgerIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @PostConstruct
    void create() {
        mongo.indexOps(Movement.class).createIndex(new Index("movementId", Sort.Direction.ASC).unique());
        // for a real MongoDB: a part's ledger in order, and issues by period (the embedded server ignores these)
        mongo.indexOps(Movement.class).createIndex(new Index("partNumber", Sort.Direction.ASC).on("at", Sort.Direction.ASC));
        mongo.indexOps(Movement.class).createIndex(new Index("type", Sort.Direction.ASC).on("at", Sort.Direction.ASC));
    }
}
