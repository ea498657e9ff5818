package dev.forecourt.parts.stocktake;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import dev.forecourt.parts.catalogue.Catalogue;
import dev.forecourt.parts.catalogue.Part;
import dev.forecourt.parts.stock.DocumentRef;
import dev.forecourt.parts.stock.DocumentType;
import dev.forecourt.parts.stock.Movement;
import dev.forecourt.parts.stock.MovementType;
import dev.forecourt.parts.stock.StockCard;
import dev.forecourt.parts.stock.StockLedger;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.Conflict;
import dev.forecourt.platform.errors.IllegalTransition;
import dev.forecourt.platform.errors.NotFound;
import dev.forecourt.platform.errors.RuleViolated;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.store.ForecourtProperties;

/** Running stocktakes: sheets, counts, the manager's approval and the adjustments it books. */
@Service
public class Stocktakes {

    private final MongoTemplate mongo;
    private final AggregateStore aggregates;
    private final Catalogue catalogue;
    private final StockLedger ledger;
    private final ForecourtProperties store;
    private final Clock clock;

    public Stocktakes(MongoTemplate mongo, AggregateStore aggregates, Catalogue catalogue, StockLedger ledger, ForecourtProperties store, Clock clock) {
        this.mongo = mongo;
        this.aggregates = aggregates;
        this.catalogue = catalogue;
        this.ledger = ledger;
        this.store = store;
        this.clock = clock;
    }

    /** Prints count sheets for the bins starting with any of the prefixes (all bins when none given). */
    public Stocktake start(List<String> binPrefixes, Actor by) {
        List<Part> parts = catalogue.all().stream()
                .filter(p -> binPrefixes == null || binPrefixes.isEmpty() || binPrefixes.stream().anyMatch(p.getBinLocation()::startsWith))
                .toList();
        if (parts.isEmpty()) {
            throw new RuleViolated("nothing-to-count", "Nothing to count", "No part lies in the given bins");
        }
        Map<String, StockCard> cards = ledger.cards(parts.stream().map(Part::getPartNumber).toList()).stream()
                .collect(Collectors.toMap(StockCard::getPartNumber, Function.identity()));
        Map<String, List<CountLine>> byBin = new TreeMap<>();
        for (Part part : parts) {
            StockCard card = cards.get(part.getPartNumber());
            byBin.computeIfAbsent(part.getBinLocation(), bin -> new java.util.ArrayList<>())
                    .add(new CountLine(part.getPartNumber(), part.getName(), part.getPrice().amount(),
                            card == null ? 0 : card.getOnHand(), null, null));
        }
        List<CountSheet> sheets = byBin.entrySet().stream()
                .map(e -> new CountSheet(e.getKey(), e.getValue().stream().sorted(Comparator.comparing(CountLine::partNumber)).toList()))
                .toList();
        return aggregates.insert(Stocktake.start("st-" + UUID.randomUUID(), store.storeId(), sheets, by, clock.instant()));
    }

    /** Records counts; {@code expected} is the version the storekeeper read (If-Match), or any. */
    public Stocktake record(String id, Map<String, Integer> counts, ExpectedVersion expected) {
        Map<String, Integer> booksNow = ledger.cards(List.copyOf(counts.keySet())).stream()
                .collect(Collectors.toMap(StockCard::getPartNumber, StockCard::getOnHand));
        return aggregates.change(Stocktake.class, id, expected, stocktake -> stocktake.record(counts, booksNow));
    }

    public Stocktake submit(String id, ExpectedVersion expected, Actor by) {
        Instant now = clock.instant();
        return aggregates.change(Stocktake.class, id, expected, stocktake -> stocktake.submit(by, now));
    }

    public Stocktake recount(String id, ExpectedVersion expected) {
        return aggregates.change(Stocktake.class, id, expected, Stocktake::recount);
    }

    /**
     * Approves the variances and books each as an adjustment (counted − book, applied to the
     * current stock, so movements since the count stay). The approval is claimed first
     * (SUBMITTED → APPROVING in one versioned write), so two managers clicking at once cannot book
     * twice. A loss larger than the free stock (it is reserved meanwhile) stops the booking with
     * 409; lines already booked stay booked and a second approval books the rest.
     */
    public Stocktake approve(String id, ExpectedVersion expected, Actor by) {
        Stocktake stocktake = aggregates.change(Stocktake.class, id, expected, Stocktake::startApproval);
        for (CountLine line : stocktake.lines()) {
            if (!line.needsAdjustment()) {
                continue;
            }
            Instant now = clock.instant();
            int change = line.variance();
            Movement movement = new Movement(id + "-" + line.partNumber(), line.partNumber(), MovementType.ADJUSTMENT, change, 0,
                    new DocumentRef(DocumentType.STOCKTAKE, id), null,
                    "stocktake variance: book " + line.bookQuantity() + ", counted " + line.countedQuantity(), by, now);
            boolean booked = ledger.apply(movement, change < 0 ? where(StockCard.AVAILABLE).gte(-change) : null, new Update(),
                    new StockAdjusted(id, line.partNumber(), change, line.bookQuantity(), line.countedQuantity(), by.username(), now))
                    .isPresent();
            if (!booked) {
                aggregates.change(Stocktake.class, id, ExpectedVersion.ANY, Stocktake::approvalInterrupted);
                int available = ledger.card(line.partNumber()).getAvailable();
                throw new Conflict("stock-insufficient", "Loss exceeds free stock",
                                "Cannot book a loss of " + (-change) + " of " + line.partNumber() + ": only " + available + " not reserved")
                        .with("available", available).with("partNumber", line.partNumber());
            }
            stocktake = aggregates.change(Stocktake.class, id, ExpectedVersion.ANY, s -> s.markAdjusted(line.partNumber(), movement.movementId()));
        }
        Instant approvedAt = clock.instant();
        return aggregates.change(Stocktake.class, id, ExpectedVersion.ANY, s -> s.completeApproval(by, approvedAt));
    }

    public Stocktake require(String id) {
        Stocktake stocktake = mongo.findById(id, Stocktake.class);
        if (stocktake == null) {
            throw new NotFound("Stocktake", id);
        }
        return stocktake;
    }
}
