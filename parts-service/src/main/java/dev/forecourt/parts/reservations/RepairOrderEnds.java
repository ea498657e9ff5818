package dev.forecourt.parts.reservations;

import java.time.Instant;

import org.springframework.stereotype.Component;

import dev.forecourt.parts.stock.SystemActor;

import dev.forecourt.platform.events.consume.HandlesEvent;

/** A cancelled repair order needs no parts: its reservations give their stock back. */
@Component
class RepairOrderCancellations {

    /** The fields of the workshop's event that matter here. */
    record RepairOrderCancelled(String repairOrderId, String orderNumber, Instant cancelledAt) {
    }

    private final Reservations reservations;

    RepairOrderCancellations(Reservations reservations) {
        this.reservations = reservations;
    }

    /** Idempotent by itself: releasing only touches reservations the card still holds. */
    @HandlesEvent("forecourt.workshop.repair-order-cancelled.v1")
    void on(RepairOrderCancelled cancelled) {
        reservations.releaseAllOf(cancelled.repairOrderId(), "repair order " + cancelled.orderNumber() + " cancelled",
                SystemActor.because("repair order cancelled"));
    }
}
