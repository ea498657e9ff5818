package dev.forecourt.claims.partreturn;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.forecourt.claims.claim.WarrantyClaims;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.events.consume.HandlesEvent;

/** Shows on the claim that parts-service shipped the causal part the OEM asked for. */
@Component
public class WarrantyPartShipments {

    private static final Logger log = LoggerFactory.getLogger(WarrantyPartShipments.class);

    private final WarrantyClaims claims;
    private final AggregateStore store;
    private final Clock clock;

    public WarrantyPartShipments(WarrantyClaims claims, AggregateStore store, Clock clock) {
        this.claims = claims;
        this.store = store;
        this.clock = clock;
    }

    /** Parts' event data; only the fields claims needs. */
    public record WarrantyPartShipped(String retainedPartId, String claimNumber, String repairOrderId, String partNumber,
                                      Instant shippedAt, String shippedBy) {
    }

    @HandlesEvent("forecourt.parts.warranty-part-shipped.v1")
    public void on(WarrantyPartShipped shipped) {
        claims.byClaimNumber(shipped.claimNumber()).ifPresentOrElse(
                // a repeated shipment event finds the part already shipped and changes nothing
                claim -> store.change(() -> claims.get(claim.getId()), ExpectedVersion.ANY, c -> c.causalPartShipped(shipped.retainedPartId(),
                        shipped.shippedAt() == null ? clock.instant() : shipped.shippedAt(), shipped.shippedBy(), clock.instant())),
                () -> log.warn("Parts shipped retained part {} for claim {}, which this store does not know",
                        shipped.retainedPartId(), shipped.claimNumber()));
    }
}
