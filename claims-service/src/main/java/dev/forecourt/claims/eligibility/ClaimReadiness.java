package dev.forecourt.claims.eligibility;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.forecourt.claims.claim.ClaimChecks;
import dev.forecourt.claims.claim.WarrantyClaim;
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.store.ForecourtProperties;

/** Runs {@link ClaimChecks} with what this service knows: the VIN's delivery, the brand's terms, today in the store. */
@Component
public class ClaimReadiness {

    private final VehicleDeliveries deliveries;
    private final WarrantyTermsCatalog terms;
    private final ForecourtProperties store;
    private final Clock clock;

    public ClaimReadiness(VehicleDeliveries deliveries, WarrantyTermsCatalog terms, ForecourtProperties store, Clock clock) {
        this.deliveries = deliveries;
        this.terms = terms;
        this.store = store;
        this.clock = clock;
    }

    /** The problems that block sending the claim's next submission round. */
    public List<FieldProblem> problems(WarrantyClaim claim) {
        LocalDate today = LocalDate.now(clock.withZone(store.timeZone()));
        return ClaimChecks.problems(claim.getContent(), deliveries.of(claim.getContent().vin()),
                terms.forBrand(claim.getContent().brand()), nextRound(claim), today, store.timeZone());
    }

    /** The OEM's deadline binds until the OEM first received the claim: a round it refused does not count. */
    private static int nextRound(WarrantyClaim claim) {
        return claim.getSubmittedAt() == null ? 1 : claim.getSubmission() + 1;
    }
}
