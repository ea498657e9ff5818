package dev.forecourt.parts.receiving;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.domain.Lifecycle;
import dev.forecourt.platform.events.outbox.OutboxAggregate;

/** A delivery counted and inspected at the goods-in desk (入库验收). */
@Document("goods_receipts")
public class GoodsReceipt extends OutboxAggregate {

    @Id
    private String id;
    private String storeId;
    private String supplier;
    private String deliveryNote;
    private List<ReceiptLine> lines;
    private ReceiptStatus status;
    private Instant receivedAt;
    private Actor receivedBy;
    private String purchaseOrderId;
    private String purchaseOrderNumber;
    /** When the waiting repair-order lines were served from this delivery (null: not yet). */
    private Instant waitingLinesServedAt;

    /** A delivery just counted: its lines are booked next (POSTING until all are). */
    public static GoodsReceipt counted(String id, String storeId, String supplier, String deliveryNote, List<ReceiptLine> lines,
                                       Actor by, Instant at) {
        GoodsReceipt receipt = new GoodsReceipt();
        receipt.id = id;
        receipt.storeId = storeId;
        receipt.supplier = supplier;
        receipt.deliveryNote = deliveryNote;
        receipt.lines = List.copyOf(lines);
        receipt.status = ReceiptStatus.POSTING;
        receipt.receivedAt = at;
        receipt.receivedBy = by;
        return receipt;
    }

    /** A delivery against a purchase order. */
    public static GoodsReceipt counted(String id, String storeId, String supplier, String deliveryNote, List<ReceiptLine> lines,
                                       String purchaseOrderId, String purchaseOrderNumber, Actor by, Instant at) {
        GoodsReceipt receipt = counted(id, storeId, supplier, deliveryNote, lines, by, at);
        receipt.purchaseOrderId = purchaseOrderId;
        receipt.purchaseOrderNumber = purchaseOrderNumber;
        return receipt;
    }

    /** Every line is on the shelf (or on the supplier-return ledger): the receipt is posted. */
    void posted(List<ReceiptLine> bookedLines) {
        status = Lifecycle.requireTransition(status, ReceiptStatus.POSTED, "Goods receipt " + id + " is already posted");
        lines = List.copyOf(bookedLines);
        raise(new GoodsReceived(id, supplier, deliveryNote, purchaseOrderId, purchaseOrderNumber, lines.stream()
                .map(l -> new GoodsReceived.Line(l.lineNo(), l.partNumber(), l.delivered(), l.accepted(), l.rejected(), l.rejectionReason(),
                        l.supplierReturnId(), l.purchaseOrderLine())).toList(),
                lines.stream().mapToInt(ReceiptLine::accepted).sum(), lines.stream().mapToInt(ReceiptLine::rejected).sum(),
                receivedBy.username(), receivedAt));
    }

    /** The waiting lines had their turn at this delivery's goods (a later pass changes nothing). */
    void waitingLinesServed(Instant at) {
        if (waitingLinesServedAt == null) {
            waitingLinesServedAt = at;
        }
    }

    public Instant getWaitingLinesServedAt() { return waitingLinesServedAt; }
    public String getId() { return id; }
    public String getStoreId() { return storeId; }
    public String getSupplier() { return supplier; }
    public String getDeliveryNote() { return deliveryNote; }
    public List<ReceiptLine> getLines() { return lines; }
    public ReceiptStatus getStatus() { return status; }
    public Instant getReceivedAt() { return receivedAt; }
    public Actor getReceivedBy() { return receivedBy; }
    public String getPurchaseOrderId() { return purchaseOrderId; }
    public String getPurchaseOrderNumber() { return purchaseOrderNumber; }
}
