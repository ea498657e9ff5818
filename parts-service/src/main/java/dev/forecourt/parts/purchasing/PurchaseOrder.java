package dev.forecourt.parts.purchasing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.forecourt.parts.waiting.Supply;
import dev.forecourt.parts.waiting.WaitingLinePolicy;
import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.domain.Lifecycle;
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.IllegalTransition;
import dev.forecourt.platform.errors.RuleViolated;
import dev.forecourt.platform.events.outbox.OutboxAggregate;
import dev.forecourt.platform.money.Money;

/**
 * A purchase order (订货单) to one supplier: drafted by the planner (from the replenishment
 * suggestions or by hand), approved by the parts manager when its value is above the approval
 * value, sent, confirmed with quantities, back orders and arrival dates, and received against.
 */
@Document("purchase_orders")
public class PurchaseOrder extends OutboxAggregate {

    public enum Origin { MANUAL, SUGGESTIONS }

    /** What the supplier answered for one line. */
    public record Confirmation(int lineNo, int confirmed, LocalDate expectedArrival) {
    }

    @Id
    private String id;
    @Indexed
    private String orderNumber;
    private String storeId;
    private String supplierId;
    private String supplierName;
    private boolean oemPartsCentre;
    private Origin origin;
    private List<PurchaseOrderLine> lines;
    private PurchaseOrderStatus status;
    private Instant draftedAt;
    private Actor draftedBy;
    private Instant approvedAt;
    private Actor approvedBy;
    private Instant sentAt;
    private Instant confirmedAt;
    private String supplierReference;
    private Instant closedAt;
    /** The receipt lines already counted against this order ({@code receiptId#lineNo}): a resumed receipt counts once. */
    private List<String> receiptLines = new java.util.ArrayList<>();
    /** The waiting lines told their arrival by this order ({@code repairOrderId#lineId@date}): each is told a date once. */
    private List<String> waitingLinesTold = new java.util.ArrayList<>();

    static PurchaseOrder draft(String id, String orderNumber, String storeId, String supplierId, String supplierName,
                               boolean oemPartsCentre, Origin origin, List<PurchaseOrderLine> lines, Actor by, Instant at) {
        PurchaseOrder order = new PurchaseOrder();
        order.id = id;
        order.orderNumber = orderNumber;
        order.storeId = storeId;
        order.supplierId = supplierId;
        order.supplierName = supplierName;
        order.oemPartsCentre = oemPartsCentre;
        order.origin = origin;
        order.status = PurchaseOrderStatus.DRAFT;
        order.draftedAt = at;
        order.draftedBy = by;
        order.lines = requireLines(lines);
        order.raise(new PurchasingEvents.PurchaseOrderDrafted(id, orderNumber, supplierId, origin.name(), lines.stream()
                .map(l -> new PurchasingEvents.OrderedLine(l.lineNo(), l.partNumber(), l.ordered(), l.unitPrice())).toList(),
                order.value(), by.username(), at));
        return order;
    }

    /** The planner edits the lines while the order is a draft. */
    void replaceLines(List<PurchaseOrderLine> newLines) {
        if (status != PurchaseOrderStatus.DRAFT) {
            throw new IllegalTransition("Only a draft purchase order can be edited", status);
        }
        lines = requireLines(newLines);
    }

    /** Below or at the approval value the order is approved at once; above it waits for the parts manager. */
    void submit(Money approvalValue, Actor by, Instant at) {
        boolean needsApproval = value().compareTo(approvalValue) > 0;
        status = Lifecycle.requireTransition(status, needsApproval ? PurchaseOrderStatus.AWAITING_APPROVAL : PurchaseOrderStatus.APPROVED,
                "Only a draft purchase order can be submitted");
        raise(new PurchasingEvents.PurchaseOrderSubmitted(id, orderNumber, supplierId, value(), needsApproval, by.username(), at));
        if (!needsApproval) {
            approved(by, at);
        }
    }

    void approve(Actor by, Instant at) {
        if (status != PurchaseOrderStatus.AWAITING_APPROVAL) {
            throw new IllegalTransition("Only a purchase order awaiting approval can be approved", status);
        }
        status = PurchaseOrderStatus.APPROVED;
        approved(by, at);
    }

    private void approved(Actor by, Instant at) {
        approvedAt = at;
        approvedBy = by;
        raise(new PurchasingEvents.PurchaseOrderApproved(id, orderNumber, supplierId, value(), by.username(), at));
    }

    void requireSendable() {
        if (status != PurchaseOrderStatus.APPROVED) {
            throw new IllegalTransition("Only an approved purchase order can be sent", status);
        }
    }

    void sent(String channel, Actor by, Instant at) {
        status = Lifecycle.requireTransition(status, PurchaseOrderStatus.SENT, "Only an approved purchase order can be sent");
        sentAt = at;
        raise(new PurchasingEvents.PurchaseOrderSent(id, orderNumber, supplierId, channel, by.username(), at));
    }

    /** The supplier's answer: per line the quantity it ships now (the rest is back-ordered) and when it arrives. */
    void confirmed(List<Confirmation> confirmations, String reference, Instant at) {
        status = Lifecycle.requireTransition(status, PurchaseOrderStatus.CONFIRMED, "Only a sent purchase order can be confirmed");
        Map<Integer, Confirmation> byLine = new java.util.HashMap<>();
        confirmations.forEach(c -> byLine.put(c.lineNo(), c));
        for (Confirmation c : confirmations) {
            PurchaseOrderLine line = lines.stream().filter(l -> l.lineNo() == c.lineNo()).findFirst().orElseThrow(() -> new RuleViolated(
                    "confirmation-invalid", "Unknown line", "Purchase order " + orderNumber + " has no line " + c.lineNo(),
                    new FieldProblem("lines", "line " + c.lineNo() + " is not on the order")));
            if (c.confirmed() < 0 || c.confirmed() > line.ordered()) {
                throw new RuleViolated("confirmation-invalid", "Confirmed more than ordered", "Line " + c.lineNo() + " ordered "
                        + line.ordered(), new FieldProblem("lines", "confirmed must be 0–" + line.ordered() + " for line " + c.lineNo()));
            }
        }
        lines = lines.stream().map(l -> byLine.containsKey(l.lineNo()) && !l.cancelled()
                ? l.confirmed(byLine.get(l.lineNo()).confirmed(), byLine.get(l.lineNo()).expectedArrival()) : l).toList();
        confirmedAt = at;
        supplierReference = reference;
        raise(new PurchasingEvents.PurchaseOrderConfirmed(id, orderNumber, supplierId, reference, lines.stream()
                .filter(l -> l.confirmed() != null)
                .map(l -> new PurchasingEvents.ConfirmedLine(l.lineNo(), l.partNumber(), l.ordered(), l.confirmed(), l.backOrdered(),
                        l.expectedArrival())).toList(), at));
    }

    /**
     * Tells the workshop when its waiting lines covered by this order arrive: one event per line,
     * raised with the confirmation that gave the date (or when a line starts waiting after it). A
     * line already told this date by this order is not told again; a new date is.
     *
     * @return how many lines were told now
     */
    int waitingLinesExpected(List<WaitingLinePolicy.ByOrder> covered, Instant at) {
        waitingLinesTold = new java.util.ArrayList<>(waitingLinesTold == null ? List.of() : waitingLinesTold);
        int told = 0;
        for (WaitingLinePolicy.ByOrder c : covered) {
            String key = c.line().repairOrderId() + "#" + c.line().lineId() + "@" + c.supply().expectedArrival();
            if (c.supply().expectedArrival() == null || waitingLinesTold.contains(key)) {
                continue;
            }
            waitingLinesTold.add(key);
            raise(new WaitingLineExpected(c.line().repairOrderId(), c.line().lineId(), c.line().partNumber(),
                    c.line().quantity(), orderNumber, c.supply().expectedArrival(), at));
            told++;
        }
        return told;
    }

    /** The pieces still to come on each line (none once closed or cancelled). */
    public List<Supply> supplies() {
        return lines.stream().filter(l -> l.outstanding() > 0)
                .map(l -> new Supply(id, orderNumber, l.lineNo(), l.partNumber(), l.outstanding(), l.expectedArrival(), draftedAt)).toList();
    }

    /** Cancels what is still to come of a line (a back order the supplier will not ship, or no longer needed). */
    void cancelLine(int lineNo, String reason, Actor by, Instant at) {
        if (status == PurchaseOrderStatus.CLOSED || status == PurchaseOrderStatus.CANCELLED) {
            throw new IllegalTransition("Purchase order " + orderNumber + " is " + status, status);
        }
        PurchaseOrderLine line = line(lineNo);
        if (line.outstanding() == 0) {
            throw new IllegalTransition("Line " + lineNo + " has nothing outstanding to cancel", line.cancelled() ? "CANCELLED" : "RECEIVED");
        }
        lines = lines.stream().map(l -> l.lineNo() == lineNo ? l.cancelledBecause(reason) : l).toList();
        raise(new PurchasingEvents.PurchaseOrderLineCancelled(id, orderNumber, lineNo, line.partNumber(), line.outstanding(), reason,
                by.username(), at));
        closeWhenDone(at);
    }

    /**
     * Checks a receipt line before anything is booked: the order takes goods, the line exists, is
     * not cancelled and is for this part, and the delivery stays within what was ordered unless the
     * parts manager approved the over-delivery.
     */
    public void checkReceipt(int lineNo, String partNumber, int quantity, boolean overDeliveryApproved, String at, List<FieldProblem> problems) {
        if (!status.isReceiving()) {
            problems.add(new FieldProblem("purchaseOrder", "purchase order " + orderNumber + " is " + status + ": it takes no goods"));
            return;
        }
        PurchaseOrderLine line = lines.stream().filter(l -> l.lineNo() == lineNo).findFirst().orElse(null);
        if (line == null) {
            problems.add(new FieldProblem(at + "purchaseOrderLine", "is not a line of " + orderNumber));
        } else if (line.cancelled()) {
            problems.add(new FieldProblem(at + "purchaseOrderLine", "line " + lineNo + " of " + orderNumber + " is cancelled"));
        } else if (!line.partNumber().equals(partNumber)) {
            problems.add(new FieldProblem(at + "partNumber", "line " + lineNo + " of " + orderNumber + " orders " + line.partNumber()));
        } else if (quantity > line.outstanding() && !overDeliveryApproved) {
            problems.add(new FieldProblem(at + "accepted", "over-delivery: " + line.outstanding() + " outstanding on line " + lineNo
                    + "; more needs the parts manager's approval"));
        }
    }

    /** Goods of a receipt went on the shelf against a line. */
    public void received(String receiptId, int receiptLineNo, int lineNo, int quantity, Instant at) {
        String key = receiptId + "#" + receiptLineNo;
        if (receiptLines != null && receiptLines.contains(key)) {
            return;
        }
        receiptLines = new java.util.ArrayList<>(receiptLines == null ? List.of() : receiptLines);
        receiptLines.add(key);
        PurchaseOrderLine after = line(lineNo).receivedMore(quantity);
        lines = lines.stream().map(l -> l.lineNo() == lineNo ? after : l).toList();
        raise(new PurchasingEvents.PurchaseOrderReceived(id, orderNumber, receiptId, lineNo, after.partNumber(), quantity, after.received(),
                after.outstanding(), at));
        closeWhenDone(at);
    }

    void cancel(Actor by, Instant at) {
        status = Lifecycle.requireTransition(status, PurchaseOrderStatus.CANCELLED, "Only an order not yet sent can be cancelled");
        closedAt = at;
        lines.forEach(l -> raise(new PurchasingEvents.PurchaseOrderLineCancelled(id, orderNumber, l.lineNo(), l.partNumber(), l.ordered(),
                "order cancelled", by.username(), at)));
        lines = lines.stream().map(l -> l.cancelledBecause("order cancelled")).toList();
    }

    private void closeWhenDone(Instant at) {
        if (status.isReceiving() && lines.stream().allMatch(l -> l.outstanding() == 0)) {
            status = Lifecycle.requireTransition(status, PurchaseOrderStatus.CLOSED);
            closedAt = at;
            raise(new PurchasingEvents.PurchaseOrderClosed(id, orderNumber, supplierId, at));
        }
    }

    private PurchaseOrderLine line(int lineNo) {
        return lines.stream().filter(l -> l.lineNo() == lineNo).findFirst().orElseThrow(() -> new RuleViolated("purchase-order-line-unknown",
                "Unknown line", "Purchase order " + orderNumber + " has no line " + lineNo, new FieldProblem("lineNo", "is not on the order")));
    }

    private static List<PurchaseOrderLine> requireLines(List<PurchaseOrderLine> lines) {
        if (lines.isEmpty()) {
            throw new RuleViolated("purchase-order-empty", "Nothing ordered", "A purchase order needs at least one line",
                    new FieldProblem("lines", "must not be empty"));
        }
        return List.copyOf(lines);
    }

    /** Ordered value of the lines not cancelled, at catalogue price. */
    public Money value() {
        return lines.stream().filter(l -> !l.cancelled()).map(l -> l.unitPrice().times(BigDecimal.valueOf(l.ordered())))
                .reduce(Money::plus).orElse(Money.zero(Money.CNY));
    }

    public String getId() { return id; }
    public String getOrderNumber() { return orderNumber; }
    public String getSupplierId() { return supplierId; }
    public String getSupplierName() { return supplierName; }
    public boolean isOemPartsCentre() { return oemPartsCentre; }
    public Origin getOrigin() { return origin; }
    public List<PurchaseOrderLine> getLines() { return lines; }
    public PurchaseOrderStatus getStatus() { return status; }
    public Instant getDraftedAt() { return draftedAt; }
    public Actor getDraftedBy() { return draftedBy; }
    public Instant getApprovedAt() { return approvedAt; }
    public Actor getApprovedBy() { return approvedBy; }
    public Instant getSentAt() { return sentAt; }
    public Instant getConfirmedAt() { return confirmedAt; }
    public String getSupplierReference() { return supplierReference; }
    public Instant getClosedAt() { return closedAt; }
}
