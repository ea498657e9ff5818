package dev.forecourt.workshop.board;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.workshop.config.WorkshopProperties;
import dev.forecourt.workshop.repairorder.RepairOrders;

/**
 * Flags cars that will miss their promised time, {@code lateWarning} ahead of it, so the advisor
 * calls the customer before the customer calls us (VehicleRunningLate).
 */
@Component
class LateVehicleWatch {

    private static final Logger log = LoggerFactory.getLogger(LateVehicleWatch.class);

    private final RepairOrders orders;
    private final WorkshopProperties workshop;
    private final Clock clock;

    LateVehicleWatch(RepairOrders orders, WorkshopProperties workshop, Clock clock) {
        this.orders = orders;
        this.workshop = workshop;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${forecourt.workshop.late-check-interval:60s}")
    void flagLateVehicles() {
        Instant now = clock.instant();
        for (String id : orders.notFlaggedDueBefore(now.plus(workshop.lateWarning()))) {
            try {
                orders.change(id, ExpectedVersion.ANY, order -> order.flagIfRunningLate(workshop.lateWarning(), now));
            } catch (RuntimeException e) {
                log.warn("Could not flag {} as running late: {}", id, e.toString()); // tried again on the next run
            }
        }
    }
}
