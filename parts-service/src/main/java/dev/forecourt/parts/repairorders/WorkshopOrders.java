package dev.forecourt.parts.repairorders;

import java.time.Instant;

import org.springframework.stereotype.Component;

import dev.forecourt.platform.events.consume.HandlesEvent;
import dev.forecourt.platform.money.Money;

/**
 * Keeps the copy of the workshop's repair orders and their parts lines from the workshop's events.
 * Each handler is idempotent by itself (a redelivered event sets what it set before).
 */
@Component
class WorkshopOrders {

    record RepairOrderOpened(String repairOrderId, String orderNumber, String vin, String customerId, String customerPhone,
                             String advisorId, Instant promisedAt, Instant openedAt) {
    }

    record PartsLineAdded(String repairOrderId, String orderNumber, String lineId, String partNumber, int quantity, Money unitPrice,
                          String payType, Instant addedAt) {
    }

    record PartsLineRemoved(String repairOrderId, String orderNumber, String lineId, String partNumber) {
    }

    record RepairOrderEnded(String repairOrderId, String orderNumber, Instant handedOverAt, Instant cancelledAt) {
    }

    private final RepairOrders orders;

    WorkshopOrders(RepairOrders orders) {
        this.orders = orders;
    }

    @HandlesEvent("forecourt.workshop.repair-order-opened.v1")
    void on(RepairOrderOpened e) {
        orders.learn(e.repairOrderId(), e.orderNumber(), order -> order.opened(e.orderNumber(), e.vin(), e.customerId(),
                e.customerPhone(), e.advisorId(), e.promisedAt(), e.openedAt()));
    }

    @HandlesEvent("forecourt.workshop.parts-line-added.v1")
    void on(PartsLineAdded e) {
        orders.learn(e.repairOrderId(), e.orderNumber(), order -> order.lineAdded(new PartsLine(e.lineId(), e.partNumber(),
                e.quantity(), e.unitPrice(), e.payType(), e.addedAt(), false)));
    }

    @HandlesEvent("forecourt.workshop.parts-line-removed.v1")
    void on(PartsLineRemoved e) {
        orders.learn(e.repairOrderId(), e.orderNumber(), order -> order.lineRemoved(e.lineId()));
    }

    @HandlesEvent("forecourt.workshop.repair-order-handed-over.v1")
    void handedOver(RepairOrderEnded e) {
        orders.learn(e.repairOrderId(), e.orderNumber(), order -> order.handedOver(e.handedOverAt()));
    }

    @HandlesEvent("forecourt.workshop.repair-order-cancelled.v1")
    void cancelled(RepairOrderEnded e) {
        orders.learn(e.repairOrderId(), e.orderNumber(), order -> order.cancelled(e.cancelledAt()));
    }
}
