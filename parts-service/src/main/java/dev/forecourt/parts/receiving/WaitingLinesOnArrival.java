package dev.forecourt.parts.receiving;

import org.springframework.stereotype.Component;

import dev.forecourt.platform.events.consume.HandlesEvent;

/**
 * The backstop of serving waiting lines on arrival: the receipt's own goods-received event serves
 * them if the process died between posting the receipt and serving them. Idempotent: a receipt
 * already served (the usual case, and every redelivery) changes nothing.
 */
@Component
class WaitingLinesOnArrival {

    record Received(String receiptId) {
    }

    private final Receiving receiving;

    WaitingLinesOnArrival(Receiving receiving) {
        this.receiving = receiving;
    }

    @HandlesEvent("forecourt.parts.goods-received.v1")
    void on(Received received) {
        receiving.serveWaitingLines(receiving.get(received.receiptId()));
    }
}
