package dev.forecourt.parts.catalogue;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

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
import dev.forecourt.parts.web.PageOf;
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.ProblemException;
import dev.forecourt.platform.store.ForecourtProperties;

/** The parts catalogue: adding and editing parts and finding them by number or name. */
@Service
public class Catalogue {

    private final MongoTemplate mongo;
    private final StockLedger ledger;
    private final ForecourtProperties store;
    private final Clock clock;

    public Catalogue(MongoTemplate mongo, StockLedger ledger, ForecourtProperties store, Clock clock) {
        this.mongo = mongo;
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
            return mongo.insert(part);
        } catch (DuplicateKeyException e) {
            throw duplicate(details.partNumber());
        }
    }

    public Part update(String partNumber, PartDetails details) {
        Part part = require(partNumber);
        if (!partNumber.equals(details.partNumber())) {
            throw ProblemException.invalid("The part number cannot change", new FieldProblem("partNumber", "must be " + partNumber));
        }
        if (details.version() == null || !details.version().equals(part.getVersion())) {
            throw ProblemException.conflict("version-conflict", "Changed by someone else",
                    "Send the version you read (current: " + part.getVersion() + ")");
        }
        part.apply(details);
        Part saved = mongo.save(part);
        ledger.changeReorderPoint(partNumber, saved.reorderPoint());
        return saved;
    }

    public Optional<Part> find(String partNumber) {
        return Optional.ofNullable(mongo.findById(partNumber, Part.class));
    }

    public Part require(String partNumber) {
        return find(partNumber).orElseThrow(() -> ProblemException.notFound("Part", partNumber));
    }

    public List<Part> all() {
        return mongo.find(new Query().with(Sort.by("partNumber")), Part.class);
    }

    /** Parts whose number or name contains the text (case-insensitive); the text is matched literally. */
    public PageOf<Part> search(String text, Boolean genuineOem, int page, int size) {
        Query query = new Query();
        if (text != null && !text.isBlank()) {
            Pattern literal = Pattern.compile(Pattern.quote(text.strip()), Pattern.CASE_INSENSITIVE);
            query.addCriteria(new Criteria().orOperator(where("_id").regex(literal), where("name").regex(literal)));
        }
        if (genuineOem != null) {
            query.addCriteria(where("genuineOem").is(genuineOem));
        }
        long total = mongo.count(query, Part.class);
        query.with(Sort.by("partNumber")).skip((long) page * size).limit(size);
        return new PageOf<>(mongo.find(query, Part.class), page, size, total);
    }

    private static ProblemException duplicate(String partNumber) {
        return ProblemException.conflict("duplicate", "Already exists", "Part " + partNumber + " is already in the catalogue");
    }
}
