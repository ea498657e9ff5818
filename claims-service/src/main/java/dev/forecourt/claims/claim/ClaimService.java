package dev.forecourt.claims.claim;

import java.time.Clock;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import dev.forecourt.claims.eligibility.RepairOrderHandovers;
import dev.forecourt.claims.eligibility.WarrantyTermsCatalog;
import dev.forecourt.platform.errors.ProblemException;
import dev.forecourt.platform.store.ForecourtProperties;

/** Drafting and correcting claims: prices them with the brand's labour rate and fills in what the workshop told us. */
@Service
public class ClaimService {

    private final WarrantyClaims claims;
    private final ClaimUpdates updates;
    private final ClaimNumbers numbers;
    private final WarrantyTermsCatalog terms;
    private final RepairOrderHandovers handovers;
    private final ForecourtProperties store;
    private final Clock clock;

    public ClaimService(WarrantyClaims claims, ClaimUpdates updates, ClaimNumbers numbers, WarrantyTermsCatalog terms,
                        RepairOrderHandovers handovers, ForecourtProperties store, Clock clock) {
        this.claims = claims;
        this.updates = updates;
        this.numbers = numbers;
        this.terms = terms;
        this.handovers = handovers;
        this.store = store;
        this.clock = clock;
    }

    public WarrantyClaim draftByHand(ClaimContent content, String by) {
        WarrantyClaim claim = WarrantyClaim.draft("claim-" + UUID.randomUUID(), numbers.next(), store.storeId(), ClaimSource.MANUAL,
                null, withKnownHandover(content), terms.forBrand(content.brand()).labourRate(), by, clock.instant());
        return claims.insert(claim);
    }

    /**
     * Drafts the claim of a warranty job once: the id derives from the job, so a redelivered event
     * finds the claim already there (or loses the insert race) and changes nothing.
     */
    public void draftFromWarrantyJob(String repairOrderId, String jobId, ClaimContent content, String by) {
        String id = "claim-" + repairOrderId + "-" + jobId;
        if (claims.existsById(id)) {
            return;
        }
        WarrantyClaim claim = WarrantyClaim.draft(id, numbers.next(), store.storeId(), ClaimSource.WARRANTY_JOB, jobId,
                withKnownHandover(content), terms.forBrand(content.brand()).labourRate(), by, clock.instant());
        try {
            claims.insert(claim);
        } catch (DuplicateKeyException alreadyDrafted) {
            // a concurrent delivery of the same event drafted it first
        }
    }

    public WarrantyClaim correct(String id, Long expectedVersion, ClaimContent content, String by) {
        return updates.update(id, claim -> {
            if (expectedVersion == null || !expectedVersion.equals(claim.getVersion())) {
                throw ProblemException.conflict("version-conflict", "The claim was changed meanwhile",
                        "Claim " + claim.getClaimNumber() + " is at version " + claim.getVersion() + ", not " + expectedVersion)
                        .with("currentVersion", claim.getVersion());
            }
            claim.correct(withKnownHandover(content), terms.forBrand(content.brand()).labourRate(), by, clock.instant());
            return claim;
        });
    }

    public WarrantyClaim get(String id) {
        return claims.findById(id).orElseThrow(() -> ProblemException.notFound("Warranty claim", id));
    }

    private ClaimContent withKnownHandover(ClaimContent content) {
        if (content.handedOverAt() != null) {
            return content;
        }
        var known = handovers.handedOverAt(content.repairOrderId());
        return known == null ? content : content.withHandedOverAt(known);
    }
}
