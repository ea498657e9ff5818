package dev.forecourt.parts.receiving;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import dev.forecourt.parts.catalogue.Catalogue;
import dev.forecourt.parts.catalogue.Part;
import dev.forecourt.parts.purchasing.PurchaseOrder;
import dev.forecourt.parts.purchasing.PurchaseOrders;
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.RuleViolated;
import dev.forecourt.platform.errors.Conflict;
import dev.forecourt.parts.returns.SupplierReturns;
import dev.forecourt.parts.stock.DocumentRef;
import dev.forecourt.parts.stock.DocumentType;
import dev.forecourt.parts.stock.Movement;
import dev.forecourt.parts.stock.MovementType;
import dev.forecourt.parts.stock.StockLedger;
import dev.forecourt.parts.waiting.ReservingOnArrival;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.NotFound;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.paging.Page;
import dev.forecourt.platform.paging.PagedFind;
import dev.forecourt.platform.paging.Paging;
import dev.forecourt.platform.store.ForecourtProperties;

/** Goods in: accepted pieces raise stock at once; rejected pieces go to the supplier-return ledger. */
@Service
public class Receiving {

    private final MongoTemplate mongo;
    private final PurchaseOrders purchaseOrders;
    private final AggregateStore aggregates;
    private final Catalogue catalogue;
    private final StockLedger ledger;
    private final SupplierReturns supplierReturns;
    private final ForecourtProperties store;
    private final Clock clock;
    private final ReservingOnArrival reservingOnArrival;

    public Receiving(MongoTemplate mongo, PurchaseOrders purchaseOrders, AggregateStore aggregates, Catalogue catalogue, StockLedger ledger, SupplierReturns supplierReturns,
                     ForecourtProperties store, Clock clock, ReservingOnArrival reservingOnArrival) {
        this.reservingOnArrival = reservingOnArrival;
        this.mongo = mongo;
        this.purchaseOrders = purchaseOrders;
        this.aggregates = aggregates;
        this.catalogue = catalogue;
        this.ledger = ledger;
        this.supplierReturns = supplierReturns;
        this.store = store;
        this.clock = clock;
    }

    public GoodsReceipt receive(ReceiptRequest request, Actor by) {
        List<FieldProblem> problems = request.problems(partNumber -> catalogue.find(partNumber).isPresent(),
                partNumber -> catalogue.find(partNumber).map(Part::isGenuineOem).orElse(false));
        PurchaseOrder order = request.purchaseOrder() == null ? null : purchaseOrders.byIdOrNumber(request.purchaseOrder())
                .orElseThrow(() -> new RuleViolated("purchase-order-unknown", "Unknown purchase order", "There is no purchase order "
                        + request.purchaseOrder(), new FieldProblem("purchaseOrder", "is not a purchase order")));
        if (order != null) {
            checkAgainst(order, request, problems);
        }
        if (!problems.isEmpty()) {
            throw ReceiptRequest.refused(problems);
        }
        String id = receiptIdOf(request.supplier(), request.deliveryNote());
        GoodsReceipt earlier = mongo.findById(id, GoodsReceipt.class);
        if (earlier != null) {
            throw alreadyReceived(earlier);
        }
        Instant now = clock.instant();
        List<ReceiptLine> lines = new ArrayList<>();
        for (int i = 0; i < request.lines().size(); i++) {
            ReceiptRequest.Line line = request.lines().get(i);
            lines.add(new ReceiptLine(i + 1, line.partNumber(), line.delivered(), line.accepted(), line.rejected(),
                    line.rejectionReason(), null, null, line.purchaseOrderLine()));
        }
        // the receipt is written first, so every ledger entry below points at a document that exists
        GoodsReceipt receipt;
        try {
            receipt = aggregates.insert(GoodsReceipt.counted(id, store.storeId(), request.supplier(), request.deliveryNote(), lines,
                    order == null ? null : order.getId(), order == null ? null : order.getOrderNumber(), by, now));
        } catch (DuplicateKeyException concurrentlyReceived) {
            throw alreadyReceived(get(id));
        }
        return post(receipt, false);
    }

    /**
     * Books every line and marks the receipt POSTED. Movement and supplier-return ids derive from
     * the receipt and line number, so {@code resuming} a receipt a crash left POSTING books only
     * the lines that were not booked yet.
     */
    GoodsReceipt post(GoodsReceipt receipt, boolean resuming) {
        List<ReceiptLine> booked = receipt.getLines().stream().map(line -> book(receipt, line, receipt.getReceivedBy(), resuming)).toList();
        if (receipt.getPurchaseOrderId() != null) {
            Instant at = receipt.getReceivedAt();
            // the order learns what arrived (each receipt line once, also when a receipt is resumed)
            aggregates.change(PurchaseOrder.class, receipt.getPurchaseOrderId(), ExpectedVersion.ANY, order -> booked.stream()
                    .filter(l -> l.purchaseOrderLine() != null && l.accepted() > 0)
                    .forEach(l -> order.received(receipt.getId(), l.lineNo(), l.purchaseOrderLine(), l.accepted(), at)));
        }
        GoodsReceipt posted = aggregates.change(GoodsReceipt.class, receipt.getId(), ExpectedVersion.ANY, r -> r.posted(booked));
        return serveWaitingLines(posted);
    }

    /**
     * Reserves the waiting repair-order lines of the parts this posted delivery brought, once per
     * receipt: right after posting, and again from the receipt's own goods-received event if the
     * process died in between (a redelivered event finds the receipt served and does nothing).
     */
    GoodsReceipt serveWaitingLines(GoodsReceipt receipt) {
        if (receipt.getStatus() != ReceiptStatus.POSTED || receipt.getWaitingLinesServedAt() != null) {
            return receipt;
        }
        List<String> arrived = receipt.getLines().stream().filter(l -> l.accepted() > 0).map(ReceiptLine::partNumber).toList();
        if (!arrived.isEmpty()) {
            reservingOnArrival.serve(receipt.getId(), receipt.getPurchaseOrderNumber(), arrived);
        }
        Instant now = clock.instant();
        return aggregates.change(GoodsReceipt.class, receipt.getId(), ExpectedVersion.ANY, r -> r.waitingLinesServed(now));
    }

    private ReceiptLine book(GoodsReceipt receipt, ReceiptLine line, Actor by, boolean resuming) {
        String movementId = null;
        if (line.accepted() > 0) {
            movementId = receipt.getId() + "-L" + line.lineNo();
        }
        if (movementId != null && !(resuming && ledger.isBooked(line.partNumber(), movementId))) {
            Instant now = clock.instant();
            Movement movement = new Movement(movementId, line.partNumber(), MovementType.RECEIPT, line.accepted(), 0,
                    new DocumentRef(DocumentType.GOODS_RECEIPT, receipt.getId()), receipt.getDeliveryNote(), null, by, now);
            ledger.apply(movement, null, new Update(), new PartsReceived(receipt.getId(), line.partNumber(), line.accepted(),
                    line.rejected(), receipt.getSupplier(), receipt.getDeliveryNote(), by.username(), now));
        }
        String returnId = null;
        if (line.rejected() > 0) {
            returnId = supplierReturns.recordRejection("sr-" + receipt.getId() + "-L" + line.lineNo(), line.partNumber(),
                    line.rejected(), receipt.getSupplier(), line.rejectionReason(), receipt.getId(), by).id();
        }
        return new ReceiptLine(line.lineNo(), line.partNumber(), line.delivered(), line.accepted(), line.rejected(),
                line.rejectionReason(), movementId, returnId, line.purchaseOrderLine());
    }

    /**
     * A delivery against a purchase order: every line names its order line; the order must take
     * goods; a cancelled line takes none; more than outstanding needs the parts manager's approval;
     * an order to the OEM parts centre accepts genuine parts only.
     */
    private static void checkAgainst(PurchaseOrder order, ReceiptRequest request, List<FieldProblem> problems) {
        for (int i = 0; i < request.lines().size(); i++) {
            ReceiptRequest.Line line = request.lines().get(i);
            String at = "lines[" + i + "].";
            if (line.purchaseOrderLine() == null) {
                problems.add(new FieldProblem(at + "purchaseOrderLine", "is required on a receipt against " + order.getOrderNumber()));
                continue;
            }
            if (order.isOemPartsCentre() && !line.isGenuine()) {
                problems.add(new FieldProblem(at + "genuineOem", "an order to the OEM parts centre accepts genuine parts only"));
            }
            order.checkReceipt(line.purchaseOrderLine(), line.partNumber(), line.accepted(), request.isOverDeliveryApproved(), at, problems);
        }
    }

    /**
     * A delivery note is received once per supplier: the receipt's id is derived from the two
     * (case and surrounding blanks ignored), so a second receipt of the same note cannot be stored.
     */
    static String receiptIdOf(String supplier, String deliveryNote) {
        String key = supplier.strip().toLowerCase(Locale.ROOT) + "\n" + deliveryNote.strip().toLowerCase(Locale.ROOT);
        return "gr-" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    }

    private static Conflict alreadyReceived(GoodsReceipt earlier) {
        return new Conflict("delivery-note-already-received", "Delivery note already received",
                "Delivery note " + earlier.getDeliveryNote() + " of " + earlier.getSupplier() + " was received as goods receipt "
                        + earlier.getId() + "; nothing was booked").with("receiptId", earlier.getId());
    }

    public GoodsReceipt get(String id) {
        GoodsReceipt receipt = mongo.findById(id, GoodsReceipt.class);
        if (receipt == null) {
            throw new NotFound("Goods receipt", id);
        }
        return receipt;
    }

    public Page<GoodsReceipt> list(Paging paging) {
        Query query = new Query();
        return PagedFind.find(mongo, query, Sort.by(Sort.Direction.DESC, "receivedAt").and(Sort.by("_id")), paging, GoodsReceipt.class);
    }
}
