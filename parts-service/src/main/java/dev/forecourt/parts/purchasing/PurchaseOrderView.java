package dev.forecourt.parts.purchasing;

import java.time.Instant;
import java.util.List;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.money.Money;
import dev.forecourt.platform.web.Versioned;

/** A purchase order as answered by the API. */
public record PurchaseOrderView(String id, String orderNumber, String supplierId, String supplierName, boolean oemPartsCentre,
                                PurchaseOrder.Origin origin, PurchaseOrderStatus status, List<PurchaseOrderLine> lines, Money value,
                                Instant draftedAt, Actor draftedBy, Instant approvedAt, Actor approvedBy, Instant sentAt,
                                Instant confirmedAt, String supplierReference, Instant closedAt, Long version) implements Versioned {

    public static PurchaseOrderView of(PurchaseOrder o) {
        return new PurchaseOrderView(o.getId(), o.getOrderNumber(), o.getSupplierId(), o.getSupplierName(), o.isOemPartsCentre(),
                o.getOrigin(), o.getStatus(), o.getLines(), o.value(), o.getDraftedAt(), o.getDraftedBy(), o.getApprovedAt(),
                o.getApprovedBy(), o.getSentAt(), o.getConfirmedAt(), o.getSupplierReference(), o.getClosedAt(), o.getVersion());
    }
}
