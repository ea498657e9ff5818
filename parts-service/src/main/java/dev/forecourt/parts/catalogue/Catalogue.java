package dev.forecourt.parts.catalogue;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import dev.forecourt.parts.stock.StockCard;
import dev.forecourt.parts.stock.StockLedger;

import dev.forecourt.platform.errors.Conflict;
import dev.forecourt.platform.errors.NotFound;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.paging.Page;
import dev.forecourt.platform.paging.PagedFind;
import dev.forecourt.platform.paging.Paging;
import dev.forecourt.platform.store.ForecourtProperties;

/** The parts catalogue: adding and editing parts and finding them by number or name. */
@Service
public class Catalogue {

    private final MongoTemplate mongo;
    private final AggregateStore aggregates;
    private final StockLedger ledger;
    private final ForecourtProperties store;
    private final Clock clock;

    public Catalogue(MongoTemplate mongo, AggregateStore aggregates, StockLedger ledger, ForecourtProperties store, Clock clock) {
        this.mongo = mongo;
        this.aggregates = aggregates;
        this.ledger = ledger;
        this.store = store;
        this.clock = clock;
    }

    /** Adds a part with an empty stock card. The card is written first: a part never exists without one. */
    public Part add(PartDetails details) {
        Part part = Part.create(store.storeId(), details, clock.instant());
        if (find(details.partNumber()).isPresent()) {
            throw duplicate(details.partNumber());
        }
        try {
            ledger.open(StockCard.open(part.getPartNumber(), store.storeId(), part.reorderPoint()));
        } catch (DuplicateKeyException cardExists) {
            // a previous attempt wrote the card but not the part: reuse it
        }
        try {
            return aggregates.insert(part);
        } catch (DuplicateKeyException e) {
            throw duplicate(details.partNumber());
        }
    }

    /**
     * Edits a part made from the version the caller read ({@code If-Match} or the body's
     * {@code version}; a stale one answers 409 version-conflict).
     */
    public Part update(String partNumber, PartDetails details, ExpectedVersion expected) {
        Part saved = aggregates.change(Part.class, partNumber, expected, part -> part.apply(details));
        ledger.changeReorderPoint(partNumber, saved.reorderPoint());
        return saved;
    }

    public Optional<Part> find(String partNumber) {
        return Optional.ofNullable(mongo.findById(partNumber, Part.class));
    }

    public Part require(String partNumber) {
        return find(partNumber).orElseThrow(() -> new NotFound("Part", partNumber));
    }

    public List<Part> all() {
        return mongo.find(new Query().with(Sort.by("partNumber")), Part.class);
    }

    /** Parts whose number or name contains the text (case-insensitive); the text is matched literally. */
    public Page<Part> search(String text, Boolean genuineOem, Paging paging) {
        Query query = new Query();
        if (text != null && !text.isBlank()) {
            Pattern literal = Pattern.compile(Pattern.quote(text.strip()), Pattern.CASE_INSENSITIVE);
            query.addCriteria(new Criteria().orOperator(where("_id").regex(literal), where("name").regex(literal)));
        }
        if (genuineOem != null) {
            query.addCriteria(where("genuineOem").is(genuineOem));
        }
        return PagedFind.find(mongo, query, Sort.by("partNumber"), paging, Part.class);
    }

    private static Conflict duplicate(String partNumber) {
        return new Conflict("duplicate", "Already exists", "Part " + partNumber + " is already in the catalogue");
    }
}
