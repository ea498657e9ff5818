package dev.forecourt.sales.supply;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.events.outbox.ExpectedVersion;

/**
 * Cars the OEM allocated appear in stock as in transit without anyone asking: every
 * {@code forecourt.sales.oem.dispatch-check-interval} (15 minutes) the OEM is asked which cars of
 * the allocated orders have left the factory (a monthly order leaves on the first day of its month).
 * An unreachable OEM is asked again next time.
 */
@Component
class DispatchWatch {

    static final Actor WATCH = Actor.system("oem-dispatch-watch");
    private static final Logger log = LoggerFactory.getLogger(DispatchWatch.class);

    private final VehicleOrders orders;

    DispatchWatch(VehicleOrders orders) {
        this.orders = orders;
    }

    @Scheduled(initialDelayString = "${forecourt.sales.oem.dispatch-check-interval:15m}",
            fixedDelayString = "${forecourt.sales.oem.dispatch-check-interval:15m}")
    void checkAllocatedOrders() {
        for (String id : orders.awaitingDispatch()) {
            try {
                orders.checkDispatches(id, ExpectedVersion.ANY, WATCH);
            } catch (OemVehicleDistribution.Unavailable unanswered) {
                log.warn("The OEM did not answer the dispatches of {}; asked again in the next round: {}", id, unanswered.getMessage());
            } catch (RuntimeException e) {
                log.warn("Dispatches of vehicle order {} not recorded this round: {}", id, e.toString());
            }
        }
    }
}
