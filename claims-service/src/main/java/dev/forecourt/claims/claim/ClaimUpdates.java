package dev.forecourt.claims.claim;

import java.util.function.Function;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

import dev.forecourt.platform.errors.ProblemException;
import dev.forecourt.platform.events.outbox.AggregateStore;

/**
 * Load, change, save with optimistic locking, retried when someone else (the resender, the
 * webhook inbox, an administrator) saved the claim in between: the change is applied again to the
 * fresh state, so its rules see what is really there. The claim is written with the platform's
 * {@link AggregateStore} (state and new events in one version-guarded update), never by a full
 * save, which would write the outbox relay's lease and already published events back.
 */
@Component
public class ClaimUpdates {

    private static final int ATTEMPTS = 5;

    private final WarrantyClaims claims;
    private final AggregateStore aggregates;

    public ClaimUpdates(WarrantyClaims claims, AggregateStore aggregates) {
        this.claims = claims;
        this.aggregates = aggregates;
    }

    /** @return what {@code change} returned; the claim as now stored (its new version) where that was the claim itself */
    @SuppressWarnings("unchecked")
    public <T> T update(String claimId, Function<WarrantyClaim, T> change) {
        for (int attempt = 1; ; attempt++) {
            WarrantyClaim claim = claims.findById(claimId).orElseThrow(() -> ProblemException.notFound("Warranty claim", claimId));
            T result = change.apply(claim);
            try {
                WarrantyClaim stored = aggregates.update(claim);
                return result == claim ? (T) stored : result;
            } catch (OptimisticLockingFailureException concurrent) {
                if (attempt == ATTEMPTS) {
                    throw concurrent;
                }
            }
        }
    }

}
