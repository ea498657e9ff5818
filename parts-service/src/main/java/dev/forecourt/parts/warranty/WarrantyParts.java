package dev.forecourt.parts.warranty;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import dev.forecourt.parts.stock.SystemActor;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.NotFound;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.store.ForecourtProperties;

/** Parts retained for the OEM and their shipment back. */
@Service
public class WarrantyParts {

    private final MongoTemplate mongo;
    private final AggregateStore aggregates;
    private final ForecourtProperties store;
    private final Clock clock;

    public WarrantyParts(MongoTemplate mongo, AggregateStore aggregates, ForecourtProperties store, Clock clock) {
        this.mongo = mongo;
        this.aggregates = aggregates;
        this.store = store;
        this.clock = clock;
    }

    public RetainedPart retain(RetainedPartDetails details, Actor by) {
        return aggregates.insert(RetainedPart.retain("wp-" + UUID.randomUUID(), store.storeId(), details, by, clock.instant()));
    }

    /** From a completed warranty job: the id is derived from the job, so a redelivered event retains once. */
    public RetainedPart retainFromJob(RetainedPartDetails details) {
        String id = "wp-" + details.repairOrderId() + "-" + details.jobId();
        try {
            return aggregates.insert(RetainedPart.retain(id, store.storeId(), details, SystemActor.because("warranty job completed"), clock.instant()));
        } catch (DuplicateKeyException redelivered) {
            return require(id);
        }
    }

    /** Ships the part with the claim reference: once (a second ship answers 409 illegal-state). */
    public RetainedPart ship(String id, String claimId, String claimNumber, String shippedBy, ExpectedVersion expected) {
        Instant now = clock.instant();
        return aggregates.change(RetainedPart.class, id, expected, part -> part.ship(claimId, claimNumber, shippedBy, now));
    }

    /**
     * The OEM asked for a claim's causal part. Redelivery of a request already served is a no-op;
     * a request for a part not (yet) retained fails so that it is retried and, if it stays
     * unknown, dead-lettered for a person to look at.
     */
    public void shipRequested(String claimId, String claimNumber, String repairOrderId, String partNumber) {
        List<RetainedPart> candidates = mongo.find(query(where("repairOrderId").is(repairOrderId).and("partNumber").is(partNumber))
                .with(Sort.by("retainedAt", "_id")), RetainedPart.class);
        if (candidates.stream().anyMatch(p -> claimNumber.equals(p.getClaimNumber()))) {
            return;
        }
        RetainedPart waiting = candidates.stream().filter(p -> p.getStatus() == RetainedPart.Status.RETAINED).findFirst()
                .orElseThrow(() -> new IllegalStateException("No retained part " + partNumber + " of repair order " + repairOrderId
                        + " for claim " + claimNumber));
        ship(waiting.getId(), claimId, claimNumber, "parts-service (OEM request)", ExpectedVersion.ANY);
    }

    public RetainedPart require(String id) {
        RetainedPart part = mongo.findById(id, RetainedPart.class);
        if (part == null) {
            throw new NotFound("Retained part", id);
        }
        return part;
    }

    public List<RetainedPart> list(RetainedPart.Status status, String repairOrderId) {
        Query query = new Query();
        if (status != null) {
            query.addCriteria(where("status").is(status));
        }
        if (repairOrderId != null) {
            query.addCriteria(where("repairOrderId").is(repairOrderId));
        }
        return mongo.find(query.with(Sort.by("retainedAt", "_id")).limit(200), RetainedPart.class);
    }
}
