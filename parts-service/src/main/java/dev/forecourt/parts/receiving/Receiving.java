package dev.forecourt.parts.receiving;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import dev.forecourt.parts.catalogue.Catalogue;
import dev.forecourt.parts.returns.SupplierReturns;
import dev.forecourt.parts.stock.Actor;
import dev.forecourt.parts.stock.DocumentRef;
import dev.forecourt.parts.stock.DocumentType;
import dev.forecourt.parts.stock.Movement;
import dev.forecourt.parts.stock.MovementType;
import dev.forecourt.parts.stock.StockLedger;
import dev.forecourt.parts.web.PageOf;
import dev.forecourt.platform.errors.ProblemException;
import dev.forecourt.platform.store.ForecourtProperties;

/** Goods in: accepted pieces raise stock at once; rejected pieces go to the supplier-return ledger. */
@Service
public class Receiving {

    private final MongoTemplate mongo;
    private final Catalogue catalogue;
    private final StockLedger ledger;
    private final SupplierReturns supplierReturns;
    private final ForecourtProperties store;
    private final Clock clock;

    public Receiving(MongoTemplate mongo, Catalogue catalogue, StockLedger ledger, SupplierReturns supplierReturns,
                     ForecourtProperties store, Clock clock) {
        this.mongo = mongo;
        this.catalogue = catalogue;
        this.ledger = ledger;
        this.supplierReturns = supplierReturns;
        this.store = store;
        this.clock = clock;
    }

    public GoodsReceipt receive(ReceiptRequest request, Actor by) {
        request.check(partNumber -> catalogue.find(partNumber).isPresent());
        String id = "gr-" + UUID.randomUUID();
        Instant now = clock.instant();
        List<ReceiptLine> lines = new ArrayList<>();
        for (int i = 0; i < request.lines().size(); i++) {
            ReceiptRequest.Line line = request.lines().get(i);
            lines.add(new ReceiptLine(i + 1, line.partNumber(), line.delivered(), line.accepted(), line.rejected(),
                    line.rejectionReason(), null, null));
        }
        // the receipt is written first, so every ledger entry below points at a document that exists
        GoodsReceipt receipt = mongo.insert(new GoodsReceipt(id, store.storeId(), request.supplier(), request.deliveryNote(), lines,
                ReceiptStatus.POSTING, now, by));
        return post(receipt, false);
    }

    /**
     * Books every line and marks the receipt POSTED. Movement and supplier-return ids derive from
     * the receipt and line number, so {@code resuming} a receipt a crash left POSTING books only
     * the lines that were not booked yet.
     */
    GoodsReceipt post(GoodsReceipt receipt, boolean resuming) {
        List<ReceiptLine> booked = receipt.lines().stream().map(line -> book(receipt, line, receipt.receivedBy(), resuming)).toList();
        mongo.updateFirst(Query.query(org.springframework.data.mongodb.core.query.Criteria.where("_id").is(receipt.id())),
                new Update().set("lines", booked).set("status", ReceiptStatus.POSTED), GoodsReceipt.class);
        return receipt.posted(booked);
    }

    private ReceiptLine book(GoodsReceipt receipt, ReceiptLine line, Actor by, boolean resuming) {
        String movementId = null;
        if (line.accepted() > 0) {
            movementId = receipt.id() + "-L" + line.lineNo();
        }
        if (movementId != null && !(resuming && ledger.isBooked(line.partNumber(), movementId))) {
            Instant now = clock.instant();
            Movement movement = new Movement(movementId, line.partNumber(), MovementType.RECEIPT, line.accepted(), 0,
                    new DocumentRef(DocumentType.GOODS_RECEIPT, receipt.id()), receipt.deliveryNote(), null, by, now);
            ledger.apply(movement, null, new Update(), new PartsReceived(receipt.id(), line.partNumber(), line.accepted(),
                    line.rejected(), receipt.supplier(), receipt.deliveryNote(), by.label(), now));
        }
        String returnId = null;
        if (line.rejected() > 0) {
            returnId = supplierReturns.recordRejection("sr-" + receipt.id() + "-L" + line.lineNo(), line.partNumber(),
                    line.rejected(), receipt.supplier(), line.rejectionReason(), receipt.id(), by).id();
        }
        return new ReceiptLine(line.lineNo(), line.partNumber(), line.delivered(), line.accepted(), line.rejected(),
                line.rejectionReason(), movementId, returnId);
    }

    public GoodsReceipt get(String id) {
        GoodsReceipt receipt = mongo.findById(id, GoodsReceipt.class);
        if (receipt == null) {
            throw ProblemException.notFound("Goods receipt", id);
        }
        return receipt;
    }

    public PageOf<GoodsReceipt> list(int page, int size) {
        Query query = new Query();
        long total = mongo.count(query, GoodsReceipt.class);
        query.with(Sort.by(Sort.Direction.DESC, "receivedAt").and(Sort.by("_id"))).skip((long) page * size).limit(size);
        return new PageOf<>(mongo.find(query, GoodsReceipt.class), page, size, total);
    }
}
