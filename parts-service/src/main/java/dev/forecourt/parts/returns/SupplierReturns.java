package dev.forecourt.parts.returns;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import dev.forecourt.parts.catalogue.Catalogue;
import dev.forecourt.parts.stock.DocumentRef;
import dev.forecourt.parts.stock.DocumentType;
import dev.forecourt.parts.stock.Movement;
import dev.forecourt.parts.stock.MovementType;
import dev.forecourt.parts.stock.StockCard;
import dev.forecourt.parts.stock.StockLedger;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.errors.Conflict;
import dev.forecourt.platform.errors.NotFound;
import dev.forecourt.platform.paging.Page;
import dev.forecourt.platform.paging.PagedFind;
import dev.forecourt.platform.paging.Paging;
import dev.forecourt.platform.store.ForecourtProperties;

/** The supplier-return ledger. */
@Service
public class SupplierReturns {

    private final MongoTemplate mongo;
    private final AggregateStore aggregates;
    private final Catalogue catalogue;
    private final StockLedger ledger;
    private final ForecourtProperties store;
    private final Clock clock;

    public SupplierReturns(MongoTemplate mongo, AggregateStore aggregates, Catalogue catalogue, StockLedger ledger, ForecourtProperties store, Clock clock) {
        this.mongo = mongo;
        this.aggregates = aggregates;
        this.catalogue = catalogue;
        this.ledger = ledger;
        this.store = store;
        this.clock = clock;
    }

    /** Goods refused at the goods-in desk: they never were stock, so only this ledger records them. */
    public SupplierReturn recordRejection(String id, String partNumber, int quantity, String supplier, String reason, String receiptId,
                                          Actor by) {
        try {
            return aggregates.insert(SupplierReturn.record(id, store.storeId(), partNumber, quantity, supplier, reason,
                    SupplierReturn.Source.REJECTED_AT_RECEIPT, receiptId, null, by, clock.instant()));
        } catch (DuplicateKeyException recordedBeforeACrash) {
            return require(id);
        }
    }

    /**
     * Defective goods found on the shelf: taken out of available stock (never out of reserved stock)
     * by one conditional update, then recorded on this ledger.
     */
    public SupplierReturn returnFromStock(ReturnRequest request, Actor by) {
        catalogue.require(request.partNumber());
        String id = "sr-" + UUID.randomUUID();
        Instant now = clock.instant();
        Movement movement = new Movement(id, request.partNumber(), MovementType.SUPPLIER_RETURN, -request.quantity(), 0,
                new DocumentRef(DocumentType.SUPPLIER_RETURN, id), request.supplier(), request.reason(), by, now);
        if (ledger.apply(movement, where(StockCard.AVAILABLE).gte(request.quantity()), new Update()).isEmpty()) {
            int available = ledger.card(request.partNumber()).getAvailable();
            throw new Conflict("stock-insufficient", "Not enough stock",
                    "Only " + available + " of " + request.partNumber() + " available to return").with("available", available);
        }
        return aggregates.insert(SupplierReturn.record(id, store.storeId(), request.partNumber(), request.quantity(), request.supplier(),
                request.reason(), SupplierReturn.Source.FROM_STOCK, null, id, by, now));
    }

    /** The goods left for the supplier; shipping twice is refused with the current state. */
    public SupplierReturn ship(String id, String shipmentReference, ExpectedVersion expected, Actor by) {
        Instant now = clock.instant();
        return aggregates.change(SupplierReturn.class, id, expected, entry -> entry.ship(shipmentReference, by, now));
    }

    public SupplierReturn require(String id) {
        SupplierReturn found = mongo.findById(id, SupplierReturn.class);
        if (found == null) {
            throw new NotFound("Supplier return", id);
        }
        return found;
    }

    public Page<SupplierReturn> list(SupplierReturn.Status status, String partNumber, Paging paging) {
        Query query = new Query();
        if (status != null) {
            query.addCriteria(where("status").is(status));
        }
        if (partNumber != null) {
            query.addCriteria(where("partNumber").is(partNumber));
        }
        return PagedFind.find(mongo, query, Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("_id")), paging, SupplierReturn.class);
    }
}
