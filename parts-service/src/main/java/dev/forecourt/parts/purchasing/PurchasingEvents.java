package dev.forecourt.parts.purchasing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;
import dev.forecourt.platform.money.Money;

/** What a purchase order announces (subject: the order's id). */
final class PurchasingEvents {

    private PurchasingEvents() {
    }

    record OrderedLine(int lineNo, String partNumber, int ordered, Money unitPrice) {
    }

    record ConfirmedLine(int lineNo, String partNumber, int ordered, int confirmed, int backOrdered, LocalDate expectedArrival) {
    }

    @EventType("forecourt.parts.purchase-order-drafted.v1")
    record PurchaseOrderDrafted(String purchaseOrderId, String orderNumber, String supplierId, String origin, List<OrderedLine> lines,
                                Money value, String draftedBy, Instant draftedAt) implements DomainEvent {
        @Override
        public String aggregateId() {
            return purchaseOrderId;
        }
    }

    @EventType("forecourt.parts.purchase-order-submitted.v1")
    record PurchaseOrderSubmitted(String purchaseOrderId, String orderNumber, String supplierId, Money value, boolean needsApproval,
                                  String submittedBy, Instant submittedAt) implements DomainEvent {
        @Override
        public String aggregateId() {
            return purchaseOrderId;
        }
    }

    @EventType("forecourt.parts.purchase-order-approved.v1")
    record PurchaseOrderApproved(String purchaseOrderId, String orderNumber, String supplierId, Money value, String approvedBy,
                                 Instant approvedAt) implements DomainEvent {
        @Override
        public String aggregateId() {
            return purchaseOrderId;
        }
    }

    @EventType("forecourt.parts.purchase-order-sent.v1")
    record PurchaseOrderSent(String purchaseOrderId, String orderNumber, String supplierId, String channel, String sentBy, Instant sentAt)
            implements DomainEvent {
        @Override
        public String aggregateId() {
            return purchaseOrderId;
        }
    }

    @EventType("forecourt.parts.purchase-order-confirmed.v1")
    record PurchaseOrderConfirmed(String purchaseOrderId, String orderNumber, String supplierId, String supplierReference,
                                  List<ConfirmedLine> lines, Instant confirmedAt) implements DomainEvent {
        @Override
        public String aggregateId() {
            return purchaseOrderId;
        }
    }

    @EventType("forecourt.parts.purchase-order-line-cancelled.v1")
    record PurchaseOrderLineCancelled(String purchaseOrderId, String orderNumber, int lineNo, String partNumber, int cancelledQuantity,
                                      String reason, String cancelledBy, Instant cancelledAt) implements DomainEvent {
        @Override
        public String aggregateId() {
            return purchaseOrderId;
        }
    }

    @EventType("forecourt.parts.purchase-order-received.v1")
    record PurchaseOrderReceived(String purchaseOrderId, String orderNumber, String receiptId, int lineNo, String partNumber, int quantity,
                                 int received, int outstanding, Instant receivedAt) implements DomainEvent {
        @Override
        public String aggregateId() {
            return purchaseOrderId;
        }
    }

    @EventType("forecourt.parts.purchase-order-closed.v1")
    record PurchaseOrderClosed(String purchaseOrderId, String orderNumber, String supplierId, Instant closedAt) implements DomainEvent {
        @Override
        public String aggregateId() {
            return purchaseOrderId;
        }
    }
}
