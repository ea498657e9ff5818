package dev.forecourt.claims.submission;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Component;

import dev.forecourt.claims.claim.ClaimStatus;
import dev.forecourt.claims.claim.WarrantyClaim;
import dev.forecourt.claims.claim.WarrantyClaims;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Delivers a queued claim to the OEM and records the outcome. The claim was saved as
 * SUBMISSION_PENDING before anything is sent, so a crash or an outage never loses it; sending it
 * again is harmless because the OEM files a submission once per idempotency key. A claim the OEM
 * refuses (4xx) is not sent again: it shows SUBMISSION_REFUSED with the OEM's reason until corrected.
 */
@Component
public class ClaimSubmitter {

    private final WarrantyClaims claims;
    private final AggregateStore store;
    private final OemClaimsGateway oem;
    private final OemProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;

    public ClaimSubmitter(WarrantyClaims claims, AggregateStore store, OemClaimsGateway oem, OemProperties properties, Clock clock,
                          MeterRegistry meters) {
        this.claims = claims;
        this.store = store;
        this.oem = oem;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    /** Sends the claim's current round if it is still queued; returns the claim as it is afterwards. */
    public WarrantyClaim send(String claimId) {
        WarrantyClaim claim = claims.get(claimId);
        if (claim.getStatus() != ClaimStatus.SUBMISSION_PENDING) {
            return claim;
        }
        int round = claim.getSubmission();
        SubmissionOutcome outcome = oem.submit(claim.idempotencyKey(), OemClaimSubmission.of(claim));
        Instant now = clock.instant();
        String counted = outcome instanceof SubmissionOutcome.Delivered ? "delivered"
                : outcome instanceof SubmissionOutcome.Refused ? "refused" : "failed";
        meters.counter("forecourt.claims.submission-attempts", "outcome", counted).increment();
        return store.change(() -> claims.get(claimId), ExpectedVersion.ANY, fresh -> {
            if (outcome instanceof SubmissionOutcome.Delivered delivered) {
                fresh.submissionDelivered(round, delivered.oemReference(), now);
            } else if (outcome instanceof SubmissionOutcome.Refused refused) {
                fresh.submissionRefused(round, refused.httpStatus(), refused.reasonCode(), refused.reason(), now);
            } else if (outcome instanceof SubmissionOutcome.NotDelivered notDelivered) {
                fresh.submissionFailed(round, notDelivered.failure(), now.plus(properties.resendInterval()), now);
            }
        });
    }
}
