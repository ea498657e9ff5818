package dev.forecourt.workshop.board;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.workshop.config.WorkshopProperties;
import dev.forecourt.workshop.repairorder.RepairOrder;
import dev.forecourt.workshop.repairorder.RepairOrderStatus;

/**
 * Flags cars that will miss their promised time, {@code lateWarning} ahead of it, so the advisor
 * calls the customer before the customer calls us (VehicleRunningLate).
 */
@Component
class LateVehicleWatch {

    private final MongoTemplate mongo;
    private final AggregateStore aggregates;
    private final WorkshopProperties workshop;
    private final Clock clock;

    LateVehicleWatch(MongoTemplate mongo, AggregateStore aggregates, WorkshopProperties workshop, Clock clock) {
        this.mongo = mongo;
        this.aggregates = aggregates;
        this.workshop = workshop;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${forecourt.workshop.late-check-interval:60s}")
    void flagLateVehicles() {
        Instant now = clock.instant();
        var candidates = mongo.find(query(where("status").in(RepairOrderStatus.OPEN, RepairOrderStatus.IN_WORK, RepairOrderStatus.QC_PASSED)
                .and("lateFlaggedAt").is(null).and("promisedAt").lte(now.plus(workshop.lateWarning()))), RepairOrder.class);
        for (RepairOrder order : candidates) {
            if (order.flagIfRunningLate(workshop.lateWarning(), now)) {
                try {
                    aggregates.update(order);
                } catch (OptimisticLockingFailureException changedMeanwhile) {
                    // flagged on the next run, against the fresh order
                }
            }
        }
    }
}
