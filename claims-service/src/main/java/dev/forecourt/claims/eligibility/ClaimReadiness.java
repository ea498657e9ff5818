package dev.forecourt.claims.eligibility;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
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

    /** The problems that block sending the claim's next submission round (a goodwill claim's missing approval among them). */
    public List<FieldProblem> problems(WarrantyClaim claim) {
        LocalDate today = LocalDate.now(clock.withZone(store.timeZone()));
        List<FieldProblem> problems = new ArrayList<>();
        if (claim.getContent().isGoodwill() && claim.getGoodwillApproval() == null) {
            problems.add(new FieldProblem("goodwillApproval", "a goodwill claim needs the service director's approval before submission"));
        }
        problems.addAll(ClaimChecks.problems(claim.getContent(), deliveries.of(claim.getContent().vin()),
                terms.forBrand(claim.getContent().brand()), nextRound(claim), today, store.timeZone()));
        return problems;
    }

    /** The eligibility rules the claim breaks, by name (e.g. three-guarantees-period). */
    public List<String> brokenRules(WarrantyClaim claim) {
        LocalDate today = LocalDate.now(clock.withZone(store.timeZone()));
        return ClaimChecks.breaches(claim.getContent(), deliveries.of(claim.getContent().vin()), terms.forBrand(claim.getContent().brand()),
                today).stream().map(ClaimChecks.Breach::rule).toList();
    }

    /** The OEM's deadline binds until the OEM first received the claim: a round it refused does not count. */
    private static int nextRound(WarrantyClaim claim) {
        return claim.getSubmittedAt() == null ? 1 : claim.getSubmission() + 1;
    }
}
