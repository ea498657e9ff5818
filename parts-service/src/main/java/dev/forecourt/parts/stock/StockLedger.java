package dev.forecourt.parts.stock;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import dev.forecourt.platform.errors.NotFound;
import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.events.outbox.Outbox;
import dev.forecourt.platform.events.outbox.OutboxAggregate;
import dev.forecourt.platform.paging.Page;
import dev.forecourt.platform.paging.Paging;

/**
 * The only writer of stock cards. A change is applied with one conditional {@code findAndModify}
 * that moves the quantities, appends the movement and the events, and succeeds only where the
 * condition (e.g. {@code available >= 3}) holds at that instant: exact under any concurrency, with
 * no read-then-write. The movement is then copied to the ledger collection under its unique id
 * and removed from the card; {@link LedgerSweeper} finishes that copy if the process died between.
 */
@Component
public class StockLedger {

    private static final String VERSION = "version";

    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final AggregateStore aggregates;
    private final Clock clock;

    public StockLedger(MongoTemplate mongo, Outbox outbox, AggregateStore aggregates, Clock clock) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.aggregates = aggregates;
        this.clock = clock;
    }

    public void open(StockCard card) {
        aggregates.insert(card);
    }

    public Optional<StockCard> find(String partNumber) {
        return Optional.ofNullable(mongo.findOne(withoutOutbox(query(where("_id").is(partNumber))), StockCard.class));
    }

    public StockCard card(String partNumber) {
        return find(partNumber).orElseThrow(() -> new NotFound("Part", partNumber));
    }

    /**
     * Books a movement if {@code condition} holds on the card right now.
     *
     * @param condition extra criteria on the card (null: unconditional)
     * @param update    further changes of the same write (held reservations, dates), may be empty
     * @return the card after the change, or empty if the condition did not hold (nothing written)
     */
    public Optional<StockCard> apply(Movement movement, Criteria condition, Update update, DomainEvent... events) {
        Criteria card = where("_id").is(movement.partNumber());
        Query query = query(condition == null ? card : new Criteria().andOperator(card, condition));
        update.inc(StockCard.ON_HAND, movement.quantity())
                .inc(StockCard.RESERVED, movement.reservedChange())
                .inc(StockCard.AVAILABLE, movement.availableChange())
                .inc(VERSION, 1)
                .set(StockCard.LAST_MOVEMENT_AT, movement.at())
                .push(StockCard.UNLEDGERED, movement);
        if (events.length > 0) {
            outbox.append(update, events);
        }
        StockCard changed = mongo.findAndModify(withoutOutbox(query), update, FindAndModifyOptions.options().returnNew(true), StockCard.class);
        if (changed == null) {
            return Optional.empty();
        }
        if (events.length > 0) {
            outbox.wake(StockCard.class, movement.partNumber());
        }
        copyToLedger(movement);
        watchReorderPoint(changed);
        return Optional.of(changed);
    }

    /** Copies a booked movement to the ledger collection (idempotent: its id is unique) and drops it from the card. */
    void copyToLedger(Movement movement) {
        try {
            mongo.insert(movement);
        } catch (DuplicateKeyException alreadyCopied) {
            // an earlier attempt or the sweeper copied it: the entry exists exactly once
        }
        mongo.updateFirst(query(where("_id").is(movement.partNumber())),
                new Update().pull(StockCard.UNLEDGERED, new org.bson.Document("movementId", movement.movementId())),
                mongo.getCollectionName(StockCard.class));
    }

    /** Copies whatever movements the card still holds, so a ledger read is complete. */
    public void flush(String partNumber) {
        find(partNumber).ifPresent(card -> card.getUnledgered().forEach(this::copyToLedger));
    }

    /**
     * Raises {@link StockBelowReorderPoint} once per crossing: a flag on the card flips with the
     * same conditional update that stores the event, so concurrent issues cannot raise it twice.
     */
    void watchReorderPoint(StockCard card) {
        int point = card.getReorderPoint();
        Criteria same = where("_id").is(card.getPartNumber()).and(StockCard.REORDER_POINT).is(point);
        if (!card.isBelowReorderPoint() && card.getAvailable() < point) {
            Update update = new Update().set(StockCard.BELOW_REORDER_POINT, true).inc(VERSION, 1);
            outbox.append(update, new StockBelowReorderPoint(card.getPartNumber(), card.getAvailable(), point, clock.instant()));
            Query query = query(same.and(StockCard.BELOW_REORDER_POINT).ne(true).and(StockCard.AVAILABLE).lt(point));
            if (mongo.updateFirst(query, update, StockCard.class).getModifiedCount() == 1) {
                outbox.wake(StockCard.class, card.getPartNumber());
            }
        } else if (card.isBelowReorderPoint() && card.getAvailable() >= point) {
            Query query = query(same.and(StockCard.BELOW_REORDER_POINT).is(true).and(StockCard.AVAILABLE).gte(point));
            mongo.updateFirst(query, new Update().set(StockCard.BELOW_REORDER_POINT, false).inc(VERSION, 1), StockCard.class);
        }
    }

    /** Follows a catalogue change of the part's minimum stock. */
    public void changeReorderPoint(String partNumber, int reorderPoint) {
        mongo.updateFirst(query(where("_id").is(partNumber)),
                new Update().set(StockCard.REORDER_POINT, reorderPoint).inc(VERSION, 1), StockCard.class);
        find(partNumber).ifPresent(this::watchReorderPoint);
    }

    public Page<Movement> movements(String partNumber, Paging paging) {
        flush(partNumber);
        Query query = query(where("partNumber").is(partNumber));
        long total = mongo.count(query, Movement.class);
        query.with(Sort.by("at", "movementId")).skip(paging.offset()).limit(paging.size());
        return Page.of(mongo.find(query, Movement.class), paging, total);
    }

    /**
     * Whether a movement with this id was booked on the part's card. The card's leftovers are
     * copied first, so a booked movement is found in the ledger. Used to resume multi-line work
     * after a crash; only exact while no one else books the same id meanwhile (callers hold a lease).
     */
    public boolean isBooked(String partNumber, String movementId) {
        flush(partNumber);
        return movement(movementId).isPresent();
    }

    /** Pieces issued to a document's line and not returned (issues minus returns in the ledger). */
    public int netIssued(String partNumber, String documentId, String lineId) {
        flush(partNumber);
        Query query = query(where("partNumber").is(partNumber).and("document.id").is(documentId).and("document.lineId").is(lineId)
                .and("type").in(MovementType.ISSUE.name(), MovementType.ISSUE_RETURN.name()));
        return -mongo.find(query, Movement.class).stream().mapToInt(Movement::quantity).sum();
    }

    public Optional<Movement> movement(String movementId) {
        return Optional.ofNullable(mongo.findOne(query(where("movementId").is(movementId)), Movement.class));
    }

    /** The cards on which some reservation holds stock. */
    public List<StockCard> cardsWithReservations() {
        return mongo.find(withoutOutbox(query(where(StockCard.RESERVED).gt(0))), StockCard.class);
    }

    public List<StockCard> cards(List<String> partNumbers) {
        return mongo.find(withoutOutbox(query(where("_id").in(partNumbers))), StockCard.class);
    }

    /**
     * Every read of a card goes through a projection. Besides leaving out the outbox fields nobody
     * here needs, this works around the in-memory MongoDB-wire server (tests): it answers an
     * unprojected read with the live document, which a concurrent update (e.g. the relay's lease)
     * rewrites in place while it is being encoded — a ConcurrentModificationException that drops
     * the connection. A projection answers a copy.
     */
    static Query withoutOutbox(Query query) {
        query.fields().exclude(OutboxAggregate.PENDING_EVENTS, OutboxAggregate.OUTBOX_LEASE);
        return query;
    }
}
