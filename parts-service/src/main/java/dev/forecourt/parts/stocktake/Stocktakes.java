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

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import dev.forecourt.parts.catalogue.Catalogue;
import dev.forecourt.parts.catalogue.Part;
import dev.forecourt.parts.stock.Actor;
import dev.forecourt.parts.stock.DocumentRef;
import dev.forecourt.parts.stock.DocumentType;
import dev.forecourt.parts.stock.Movement;
import dev.forecourt.parts.stock.MovementType;
import dev.forecourt.parts.stock.StockCard;
import dev.forecourt.parts.stock.StockLedger;
import dev.forecourt.platform.errors.ProblemException;
import dev.forecourt.platform.store.ForecourtProperties;

/** Running stocktakes: sheets, counts, the manager's approval and the adjustments it books. */
@Service
public class Stocktakes {

    private final MongoTemplate mongo;
    private final Catalogue catalogue;
    private final StockLedger ledger;
    private final ForecourtProperties store;
    private final Clock clock;

    public Stocktakes(MongoTemplate mongo, Catalogue catalogue, StockLedger ledger, ForecourtProperties store, Clock clock) {
        this.mongo = mongo;
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
            throw ProblemException.businessRule("nothing-to-count", "Nothing to count", "No part lies in the given bins");
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
        return mongo.insert(Stocktake.start("st-" + UUID.randomUUID(), store.storeId(), sheets, by, clock.instant()));
    }

    public Stocktake record(String id, Map<String, Integer> counts) {
        Stocktake stocktake = require(id);
        stocktake.record(counts);
        return mongo.save(stocktake);
    }

    public Stocktake submit(String id, Actor by) {
        Stocktake stocktake = require(id);
        stocktake.submit(by, clock.instant());
        return mongo.save(stocktake);
    }

    public Stocktake recount(String id) {
        Stocktake stocktake = require(id);
        stocktake.recount();
        return mongo.save(stocktake);
    }

    /**
     * Approves the variances and books each as an adjustment (counted − book, applied to the
     * current stock, so movements since the sheets were printed stay). The approval is claimed
     * atomically first, so two managers clicking at once cannot book twice. A loss larger than the
     * free stock (it is reserved meanwhile) stops the booking with 409; lines already booked stay
     * booked and a second approval books the rest.
     */
    public Stocktake approve(String id, Actor by) {
        Stocktake current = require(id);
        Stocktake stocktake = mongo.findAndModify(query(where("_id").is(id).and("status").is(StocktakeStatus.SUBMITTED)),
                new Update().set("status", StocktakeStatus.APPROVING).inc("version", 1),
                FindAndModifyOptions.options().returnNew(true), Stocktake.class);
        if (stocktake == null) {
            throw ProblemException.illegalState("Only a submitted stocktake can be approved", current.getStatus());
        }
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
                    new StockAdjusted(id, line.partNumber(), change, line.bookQuantity(), line.countedQuantity(), by.label(), now)).isPresent();
            if (!booked) {
                mongo.updateFirst(query(where("_id").is(id)), new Update().set("status", StocktakeStatus.SUBMITTED).inc("version", 1),
                        Stocktake.class);
                int available = ledger.card(line.partNumber()).getAvailable();
                throw ProblemException.conflict("stock-insufficient", "Loss exceeds free stock",
                                "Cannot book a loss of " + (-change) + " of " + line.partNumber() + ": only " + available + " not reserved")
                        .with("available", available).with("partNumber", line.partNumber());
            }
            stocktake.markAdjusted(line.partNumber(), movement.movementId());
            stocktake = mongo.save(stocktake);
        }
        stocktake.completeApproval(by, clock.instant());
        return mongo.save(stocktake);
    }

    public Stocktake require(String id) {
        Stocktake stocktake = mongo.findById(id, Stocktake.class);
        if (stocktake == null) {
            throw ProblemException.notFound("Stocktake", id);
        }
        return stocktake;
    }
}
