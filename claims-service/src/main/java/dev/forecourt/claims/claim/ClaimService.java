package dev.forecourt.claims.claim;

import java.time.Clock;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import dev.forecourt.claims.eligibility.RepairOrderHandovers;
import dev.forecourt.claims.eligibility.WarrantyTermsCatalog;
import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.store.ForecourtProperties;

/** Drafting and correcting claims: prices them with the brand's labour rate and fills in what the workshop told us. */
@Service
public class ClaimService {

    private final WarrantyClaims claims;
    private final AggregateStore store;
    private final ClaimNumbers numbers;
    private final WarrantyTermsCatalog terms;
    private final RepairOrderHandovers handovers;
    private final ForecourtProperties properties;
    private final Clock clock;

    public ClaimService(WarrantyClaims claims, AggregateStore store, ClaimNumbers numbers, WarrantyTermsCatalog terms,
                        RepairOrderHandovers handovers, ForecourtProperties properties, Clock clock) {
        this.claims = claims;
        this.store = store;
        this.numbers = numbers;
        this.terms = terms;
        this.handovers = handovers;
        this.properties = properties;
        this.clock = clock;
    }

    public WarrantyClaim draftByHand(ClaimContent content, Actor by) {
        WarrantyClaim claim = WarrantyClaim.draft("claim-" + UUID.randomUUID(), numbers.next(), properties.storeId(), ClaimSource.MANUAL,
                null, withKnownHandover(content), terms.forBrand(content.brand()).labourRate(), by, clock.instant());
        return store.insert(claim);
    }

    /**
     * Drafts the claim of a warranty job once: the id derives from the job, so a redelivered event
     * finds the claim already there (or loses the insert race) and changes nothing.
     */
    public void draftFromWarrantyJob(String repairOrderId, String jobId, ClaimContent content, Actor by) {
        String id = "claim-" + repairOrderId + "-" + jobId;
        if (claims.exists(id)) {
            return;
        }
        WarrantyClaim claim = WarrantyClaim.draft(id, numbers.next(), properties.storeId(), ClaimSource.WARRANTY_JOB, jobId,
                withKnownHandover(content), terms.forBrand(content.brand()).labourRate(), by, clock.instant());
        try {
            store.insert(claim);
        } catch (DuplicateKeyException alreadyDrafted) {
            // a concurrent delivery of the same event drafted it first
        }
    }

    /** @param expected the version the administrator edited (If-Match or the body's version); a stale one answers version-conflict */
    public WarrantyClaim correct(String id, ExpectedVersion expected, ClaimContent content, Actor by) {
        ClaimContent completed = withKnownHandover(content);
        var labourRate = terms.forBrand(content.brand()).labourRate();
        return store.change(() -> claims.get(id), expected, claim -> claim.correct(completed, labourRate, by, clock.instant()));
    }

    /** The service director approves a goodwill claim for submission (permission checked by the caller). */
    public WarrantyClaim approveGoodwill(String id, ExpectedVersion expected, String note, Actor director) {
        return store.change(() -> claims.get(id), expected, claim -> claim.approveGoodwill(director, note, clock.instant()));
    }

    public WarrantyClaim get(String id) {
        return claims.get(id);
    }

    private ClaimContent withKnownHandover(ClaimContent content) {
        if (content.handedOverAt() != null) {
            return content;
        }
        var known = handovers.handedOverAt(content.repairOrderId());
        return known == null ? content : content.withHandedOverAt(known);
    }
}
