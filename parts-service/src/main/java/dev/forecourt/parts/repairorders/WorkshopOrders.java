package dev.forecourt.parts.repairorders;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.forecourt.parts.purchasing.ExpectedArrivals;
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
    private final ExpectedArrivals expectedArrivals;

    WorkshopOrders(RepairOrders orders, ExpectedArrivals expectedArrivals) {
        this.orders = orders;
        this.expectedArrivals = expectedArrivals;
    }

    @HandlesEvent("forecourt.workshop.repair-order-opened.v1")
    void on(RepairOrderOpened e) {
        orders.learn(e.repairOrderId(), e.orderNumber(), order -> order.opened(e.orderNumber(), e.vin(), e.customerId(),
                e.customerPhone(), e.advisorId(), e.promisedAt(), e.openedAt()));
        // lines learnt before the opening may now come earlier in the serving order (the promised time)
        orders.byIds(List.of(e.repairOrderId())).forEach(order -> expectedArrivals.lineMayWait(order.getId(),
                order.lines().stream().filter(l -> !l.removed()).map(PartsLine::lineId).toList()));
    }

    @HandlesEvent("forecourt.workshop.parts-line-added.v1")
    void on(PartsLineAdded e) {
        orders.learn(e.repairOrderId(), e.orderNumber(), order -> order.lineAdded(new PartsLine(e.lineId(), e.partNumber(),
                e.quantity(), e.unitPrice(), e.payType(), e.addedAt(), false)));
        // the workshop may have asked for the reservation (refused) before this event arrived: the line waits from now
        expectedArrivals.lineMayWait(e.repairOrderId(), List.of(e.lineId()));
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
