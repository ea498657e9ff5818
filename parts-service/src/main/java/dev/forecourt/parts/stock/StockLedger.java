package dev.forecourt.parts.stock;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
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
import dev.forecourt.platform.paging.PagedFind;
import dev.forecourt.platform.paging.Paging;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.InsertManyOptions;

/**
 * The only writer of stock cards. A change is applied with one conditional {@code findAndModify}
 * that moves the quantities, appends the movement and the events, and succeeds only where the
 * condition (e.g. {@code available >= 3}) holds at that instant: exact under any concurrency, with
 * no read-then-write.
 *
 * <p>The movements are copied from the card to the ledger collection in batches: the change that
 * brings a card's uncopied movements to a multiple of {@link #LEDGER_BATCH} copies them all with one
 * insert and drops them with one pull, and {@link LedgerSweeper} copies what is left on cards that
 * have gone quiet. The ledger collection alone is therefore not complete: every read of it first
 * copies the leftovers of the cards it covers ({@link #flush}, {@link #flushAll}) or reads them too.
 * A copy inserts before it pulls, and a movement's id is unique in the ledger, so a movement is
 * always on its card, in the ledger, or both, and in the ledger once.
 */
@Component
public class StockLedger {

    /**
     * Movements a card holds before they are copied together: an eighth of the ledger round trips
     * of copying each alone. Small, because every conditional update on the MongoDB-wire stand-in
     * rewrites (serialises) the whole card, leftovers included, and every change answers it.
     */
    static final int LEDGER_BATCH = 8;

    private static final String VERSION = "version";
    private static final String MOVEMENT_ID = "movementId";

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

    /** The card's quantities and reservations (without the movements it has not copied yet). */
    public Optional<StockCard> find(String partNumber) {
        return Optional.ofNullable(mongo.findOne(withoutLeftovers(query(where("_id").is(partNumber))), StockCard.class));
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
        // before the copy, so that a process stopping in between leaves leftovers on the card: the sweeper then re-checks it
        watchReorderPoint(changed);
        List<Movement> uncopied = changed.getUnledgered();
        // each change pushes one movement, so the count passes every multiple; only the change that reaches it copies
        if (uncopied.size() % LEDGER_BATCH == 0) {
            copyToLedger(uncopied);
        }
        return Optional.of(changed);
    }

    /**
     * Copies booked movements (of one card or several) to the ledger collection and then drops them
     * from their cards. Idempotent: a movement's id is unique in the ledger, so one that an earlier
     * attempt, a concurrent batch or the sweeper copied already is refused as a duplicate and
     * stays there once; any other refusal leaves the movements on their cards for the next copy.
     */
    void copyToLedger(Collection<Movement> movements) {
        if (movements.isEmpty()) {
            return;
        }
        List<Document> entries = new ArrayList<>();
        for (Movement movement : movements) {
            Document entry = new Document();
            mongo.getConverter().write(movement, entry);
            entries.add(entry);
        }
        mongo.execute(Movement.class, ledger -> {
            try {
                ledger.insertMany(entries, new InsertManyOptions().ordered(false));
            } catch (MongoBulkWriteException refused) {
                // unordered: every entry not refused was stored; an entry refused as a duplicate is there already
                boolean allThere = refused.getWriteConcernError() == null && refused.getWriteErrors().stream()
                        .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
                if (!allThere) {
                    throw refused;
                }
            }
            return null;
        });
        List<String> parts = movements.stream().map(Movement::partNumber).distinct().toList();
        List<String> ids = movements.stream().map(Movement::movementId).toList();
        mongo.updateMulti(query(where("_id").in(parts)),
                new Update().pull(StockCard.UNLEDGERED, query(where(MOVEMENT_ID).in(ids)).getQueryObject()),
                mongo.getCollectionName(StockCard.class));
    }

    /** Copies whatever movements the part's card still holds, so a read of its ledger is complete. */
    public void flush(String partNumber) {
        leftovers(query(where("_id").is(partNumber))).ifPresent(card -> copyToLedger(card.getUnledgered()));
    }

    /** Copies the leftovers of every card, so a read of the whole ledger (sums over all parts) is complete. */
    public void flushAll() {
        copyToLedger(mongo.find(onlyLeftovers(query(where(StockCard.UNLEDGERED + ".0").exists(true))), StockCard.class).stream()
                .flatMap(card -> card.getUnledgered().stream()).toList());
    }

    /**
     * The cards that hold movements not copied yet and have not moved since {@code quietSince}: no
     * change of theirs will fill a batch soon. Read with their quantities, for the reorder check.
     */
    List<StockCard> quietCardsWithLeftovers(Instant quietSince, int limit) {
        Criteria quiet = new Criteria().orOperator(where(StockCard.LAST_MOVEMENT_AT).lt(quietSince),
                where(StockCard.LAST_MOVEMENT_AT).is(null));
        Query query = query(where(StockCard.UNLEDGERED + ".0").exists(true).andOperator(quiet)).limit(limit);
        return mongo.find(withoutOutbox(query), StockCard.class);
    }

    private Optional<StockCard> leftovers(Query card) {
        return Optional.ofNullable(mongo.findOne(onlyLeftovers(card), StockCard.class));
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
        StockCard changed = mongo.findAndModify(withoutLeftovers(query(where("_id").is(partNumber))),
                new Update().set(StockCard.REORDER_POINT, reorderPoint).inc(VERSION, 1), FindAndModifyOptions.options().returnNew(true),
                StockCard.class);
        if (changed != null) {
            watchReorderPoint(changed);
        }
    }

    public Page<Movement> movements(String partNumber, Paging paging) {
        flush(partNumber);
        Query query = query(where("partNumber").is(partNumber));
        return PagedFind.find(mongo, query, Sort.by("at", "movementId"), paging, Movement.class);
    }

    /**
     * Whether a movement with this id was booked on the part's card (false for a part without one).
     * Used to resume multi-line work after a crash; only exact while no one else books the same id
     * meanwhile (callers hold a lease). The card is read before the ledger: a movement copied in
     * between was inserted into the ledger before it left the card.
     */
    public boolean isBooked(String partNumber, String movementId) {
        Optional<StockCard> card = leftovers(query(where("_id").is(partNumber)));
        if (card.isEmpty()) {
            return false;
        }
        return card.get().getUnledgered().stream().anyMatch(m -> m.movementId().equals(movementId))
                || mongo.exists(query(where(MOVEMENT_ID).is(movementId)), Movement.class);
    }

    /** Pieces issued to a document's line and not returned (issues minus returns in the ledger). */
    public int netIssued(String partNumber, String documentId, String lineId) {
        flush(partNumber);
        Query query = query(where("partNumber").is(partNumber).and("document.id").is(documentId).and("document.lineId").is(lineId)
                .and("type").in(MovementType.ISSUE.name(), MovementType.ISSUE_RETURN.name()));
        return -mongo.find(query, Movement.class).stream().mapToInt(Movement::quantity).sum();
    }

    /**
     * A booked movement, copied to the ledger or not yet. Mostly one read: the ledger. A movement
     * missing there is still on its card, or was copied (ledger first, then pulled from the card)
     * after that read, which a second read of the ledger finds.
     */
    public Optional<Movement> movement(String movementId) {
        Optional<Movement> copied = inLedger(movementId);
        if (copied.isPresent()) {
            return copied;
        }
        StockCard holder = mongo.findOne(onlyLeftovers(query(where(StockCard.UNLEDGERED + "." + MOVEMENT_ID).is(movementId))),
                StockCard.class);
        if (holder != null) {
            return holder.getUnledgered().stream().filter(m -> m.movementId().equals(movementId)).findFirst();
        }
        return inLedger(movementId);
    }

    private Optional<Movement> inLedger(String movementId) {
        return Optional.ofNullable(mongo.findOne(query(where(MOVEMENT_ID).is(movementId)), Movement.class));
    }

    /** The cards on which some reservation holds stock. */
    public List<StockCard> cardsWithReservations() {
        return mongo.find(withoutLeftovers(query(where(StockCard.RESERVED).gt(0))), StockCard.class);
    }

    public List<StockCard> cards(List<String> partNumbers) {
        return mongo.find(withoutLeftovers(query(where("_id").in(partNumbers))), StockCard.class);
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

    /** A read of a card's quantities and reservations: the uncopied movements (up to a batch) stay in the store. */
    private static Query withoutLeftovers(Query query) {
        withoutOutbox(query).fields().exclude(StockCard.UNLEDGERED);
        return query;
    }

    /** A read of a card's uncopied movements alone. */
    private static Query onlyLeftovers(Query query) {
        query.fields().include(StockCard.UNLEDGERED);
        return query;
    }
}
