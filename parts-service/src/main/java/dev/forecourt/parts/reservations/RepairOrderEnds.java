package dev.forecourt.parts.reservations;

import java.time.Instant;

import org.springframework.stereotype.Component;

import dev.forecourt.parts.stock.SystemActor;
import dev.forecourt.platform.events.consume.HandlesEvent;

/**
 * Reservations end with their repair order or line: a cancelled order needs no parts, a handed-over
 * order needs no more (what was issued is consumed, the rest goes back), a removed line gives its
 * stock back. Each handler is idempotent by itself: releasing touches only what the card still holds.
 */
@Component
class RepairOrderEnds {

    /** The fields of the workshop's events that matter here. */
    record RepairOrderEnded(String repairOrderId, String orderNumber, Instant cancelledAt, Instant handedOverAt) {
    }

    record PartsLineRemoved(String repairOrderId, String orderNumber, String lineId, String partNumber) {
    }

    private final Reservations reservations;

    RepairOrderEnds(Reservations reservations) {
        this.reservations = reservations;
    }

    @HandlesEvent("forecourt.workshop.repair-order-cancelled.v1")
    void cancelled(RepairOrderEnded cancelled) {
        reservations.releaseAllOf(cancelled.repairOrderId(), "repair order " + cancelled.orderNumber() + " cancelled",
                SystemActor.because("repair order cancelled"));
    }

    @HandlesEvent("forecourt.workshop.repair-order-handed-over.v1")
    void handedOver(RepairOrderEnded handedOver) {
        reservations.releaseAllOf(handedOver.repairOrderId(), "repair order " + handedOver.orderNumber() + " handed over",
                SystemActor.because("repair order handed over"));
    }

    @HandlesEvent("forecourt.workshop.parts-line-removed.v1")
    void lineRemoved(PartsLineRemoved removed) {
        reservations.releaseLine(removed.repairOrderId(), removed.lineId(),
                "line " + removed.lineId() + " removed from repair order " + removed.orderNumber(),
                SystemActor.because("parts line removed"));
    }
}
