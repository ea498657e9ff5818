package dev.forecourt.workshop.parts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.forecourt.workshop.repairorder.RepairOrders;

/**
 * Retries pending parts reservations on its own, so nobody has to press a button once
 * parts-service is back. While the circuit breaker is open the attempts fail fast and cheaply;
 * parts-service answers a repeated (order, line) with the existing reservation, so two instances
 * running this job at once, or this job and the advisor's request still waiting for its answer, do
 * no harm: {@link PartsReserver} records each line's answer and its parts-line-added once.
 */
@Component
class PendingPartsJob {

    private static final Logger log = LoggerFactory.getLogger(PendingPartsJob.class);
    private static final int BATCH = 50;

    private final RepairOrders orders;
    private final PartsReserver reserver;

    PendingPartsJob(RepairOrders orders, PartsReserver reserver) {
        this.orders = orders;
        this.reserver = reserver;
    }

    @Scheduled(fixedDelayString = "${forecourt.workshop.parts-retry-interval:15s}",
            initialDelayString = "${forecourt.workshop.parts-retry-interval:15s}")
    void reservePendingParts() {
        for (String id : orders.withPendingParts(BATCH)) {
            try {
                // while parts-service is down the breaker opens after a few orders and the rest fail fast
                reserver.reservePending(id);
            } catch (RuntimeException e) {
                log.warn("Could not apply parts reservations to {}: {}", id, e.toString());
            }
        }
    }
}
