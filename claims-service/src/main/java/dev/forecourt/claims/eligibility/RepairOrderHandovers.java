package dev.forecourt.claims.eligibility;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

import dev.forecourt.claims.claim.WarrantyClaim;
import dev.forecourt.claims.claim.WarrantyClaims;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.events.consume.HandlesEvent;

/**
 * Remembers when repair orders were handed over: the OEM's submission deadline runs from then.
 * A claim typed in by hand before the handover event arrived learns the time when it does.
 */
@Component
public class RepairOrderHandovers {

    private final MongoTemplate mongo;
    private final WarrantyClaims claims;
    private final AggregateStore store;
    private final Clock clock;

    public RepairOrderHandovers(MongoTemplate mongo, WarrantyClaims claims, AggregateStore store, Clock clock) {
        this.mongo = mongo;
        this.claims = claims;
        this.store = store;
        this.clock = clock;
    }

    @Document("repair_order_handovers")
    record Handover(@Id String repairOrderId, String orderNumber, String vin, Instant handedOverAt, List<String> payTypes) {
    }

    /** The workshop's event data; only the fields claims needs. */
    public record RepairOrderHandedOver(String repairOrderId, String orderNumber, String vin, Instant handedOverAt,
                                        List<String> payTypes) {
    }

    @HandlesEvent("forecourt.workshop.repair-order-handed-over.v1")
    public void on(RepairOrderHandedOver handedOver) {
        if (handedOver.repairOrderId() == null || handedOver.handedOverAt() == null) {
            return;
        }
        mongo.save(new Handover(handedOver.repairOrderId(), handedOver.orderNumber(), handedOver.vin(), handedOver.handedOverAt(),
                handedOver.payTypes()));
        claims.ofRepairOrder(handedOver.repairOrderId()).stream()
                .filter(claim -> claim.getContent().handedOverAt() == null)
                .forEach(claim -> store.change(WarrantyClaim.class, claim.getId(), ExpectedVersion.ANY,
                        c -> c.learnHandover(handedOver.handedOverAt(), clock.instant())));
    }

    /** When the repair order was handed over, or null if the workshop has not told us (yet). */
    public Instant handedOverAt(String repairOrderId) {
        if (repairOrderId == null) {
            return null;
        }
        Handover handover = mongo.findById(repairOrderId, Handover.class);
        return handover == null ? null : handover.handedOverAt();
    }
}
