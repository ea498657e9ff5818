package dev.forecourt.claims.claim;

import java.util.function.Function;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

import dev.forecourt.platform.errors.ProblemException;

/**
 * Load, change, save with optimistic locking, retried when someone else (the resender, the
 * webhook inbox, an administrator) saved the claim in between: the change is applied again to the
 * fresh state, so its rules see what is really there.
 */
@Component
public class ClaimUpdates {

    private static final int ATTEMPTS = 5;

    private final WarrantyClaims claims;

    public ClaimUpdates(WarrantyClaims claims) {
        this.claims = claims;
    }

    public <T> T update(String claimId, Function<WarrantyClaim, T> change) {
        for (int attempt = 1; ; attempt++) {
            WarrantyClaim claim = claims.findById(claimId).orElseThrow(() -> ProblemException.notFound("Warranty claim", claimId));
            T result = change.apply(claim);
            try {
                claims.save(claim);
                return result;
            } catch (OptimisticLockingFailureException concurrent) {
                if (attempt == ATTEMPTS) {
                    throw concurrent;
                }
            }
        }
    }

}
