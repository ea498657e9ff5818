package dev.forecourt.claims.claim;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import dev.forecourt.platform.errors.NotFound;
import dev.forecourt.platform.paging.Page;
import dev.forecourt.platform.paging.PagedFind;
import dev.forecourt.platform.paging.Paging;

/**
 * The warranty claims of this store: reads only. Claims are written with the platform's
 * {@code AggregateStore} (state and new events in one version-guarded write), never by a save.
 */
@Component
public class WarrantyClaims {

    private final MongoTemplate mongo;

    public WarrantyClaims(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** @throws NotFound when there is no such claim */
    public WarrantyClaim get(String id) {
        WarrantyClaim claim = mongo.findById(id, WarrantyClaim.class);
        if (claim == null) {
            throw new NotFound("Warranty claim", id);
        }
        return claim;
    }

    public boolean exists(String id) {
        return mongo.exists(Query.query(Criteria.where("_id").is(id)), WarrantyClaim.class);
    }

    public Optional<WarrantyClaim> byClaimNumber(String claimNumber) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("claimNumber").is(claimNumber)), WarrantyClaim.class));
    }

    /** Queued claims whose next attempt is due. */
    public List<WarrantyClaim> dueForSubmission(Instant now) {
        return mongo.find(Query.query(Criteria.where("status").is(ClaimStatus.SUBMISSION_PENDING)
                .and("nextSubmissionAttemptAt").lte(now)), WarrantyClaim.class);
    }

    public List<WarrantyClaim> ofRepairOrder(String repairOrderId) {
        return mongo.find(Query.query(Criteria.where("content.repairOrderId").is(repairOrderId)), WarrantyClaim.class);
    }

    /** Newest first, optionally by status and VIN. */
    public Page<WarrantyClaim> list(ClaimStatus status, String vin, Paging paging) {
        Criteria criteria = new Criteria();
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        if (vin != null) {
            criteria = criteria.and("content.vin").is(vin);
        }
        Query query = Query.query(criteria);
        return PagedFind.find(mongo, query, Sort.by(Sort.Order.desc("draftedAt"), Sort.Order.asc("_id")), paging, WarrantyClaim.class);
    }

    /** Claims drafted in a period (either end may be open). */
    public List<WarrantyClaim> draftedBetween(Instant from, Instant until) {
        if (from == null && until == null) {
            return mongo.findAll(WarrantyClaim.class);
        }
        Criteria period = Criteria.where("draftedAt");
        if (from != null) {
            period = period.gte(from);
        }
        if (until != null) {
            period = period.lt(until);
        }
        return mongo.find(Query.query(period), WarrantyClaim.class);
    }
}
