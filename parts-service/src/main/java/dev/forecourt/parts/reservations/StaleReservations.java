package dev.forecourt.parts.reservations;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import dev.forecourt.parts.repairorders.RepairOrder;
import dev.forecourt.parts.repairorders.RepairOrders;
import dev.forecourt.parts.stock.HeldReservation;
import dev.forecourt.parts.stock.StockCard;
import dev.forecourt.parts.stock.StockLedger;

/**
 * Reservations still holding stock although their repair order is gone (parts-service never
 * learnt of it) or finished (handed over or cancelled): stock the books show as reserved that no
 * open order will take. The handover and cancellation events release them; what is listed here is
 * what slipped through, for the parts manager to release by hand.
 */
@Service
public class StaleReservations {

    /** Why the reservation is stale: its order is UNKNOWN, HANDED_OVER or CANCELLED. */
    public record StaleReservation(String reservationId, String partNumber, int outstanding, String repairOrderId, String orderNumber,
                                   String lineId, String orderStatus, Instant reservedAt, Instant orderClosedAt) {
    }

    private final StockLedger ledger;
    private final RepairOrders repairOrders;

    StaleReservations(StockLedger ledger, RepairOrders repairOrders) {
        this.ledger = ledger;
        this.repairOrders = repairOrders;
    }

    public List<StaleReservation> list() {
        List<StockCard> cards = ledger.cardsWithReservations();
        List<HeldReservation> held = cards.stream().flatMap(c -> c.level().reservations().stream()).toList();
        Map<String, RepairOrder> orders = repairOrders.byIds(held.stream().map(HeldReservation::repairOrderId).distinct().toList())
                .stream().collect(Collectors.toMap(RepairOrder::getId, Function.identity()));
        return cards.stream().flatMap(card -> card.level().reservations().stream().map(h -> {
                    RepairOrder order = orders.get(h.repairOrderId());
                    if (order != null && order.isOpen()) {
                        return null;
                    }
                    return new StaleReservation(h.reservationId(), card.getPartNumber(), h.quantity(), h.repairOrderId(),
                            order == null ? null : order.getOrderNumber(), h.lineId(), order == null ? "UNKNOWN" : order.getStatus().name(),
                            h.reservedAt(), order == null ? null : order.getClosedAt());
                }))
                .filter(java.util.Objects::nonNull)
                .sorted(Comparator.comparing(StaleReservation::reservedAt).thenComparing(StaleReservation::reservationId))
                .toList();
    }
}
