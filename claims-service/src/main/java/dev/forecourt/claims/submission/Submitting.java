package dev.forecourt.claims.submission;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Service;

import dev.forecourt.claims.claim.WarrantyClaim;
import dev.forecourt.claims.claim.WarrantyClaims;
import dev.forecourt.claims.eligibility.ClaimReadiness;
import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.events.outbox.ExpectedVersion;

/** The administrator puts a claim forward to the OEM: checked, queued, then sent at once. */
@Service
public class Submitting {

    private final WarrantyClaims claims;
    private final AggregateStore store;
    private final ClaimReadiness readiness;
    private final ClaimSubmitter submitter;
    private final OemProperties oem;
    private final Clock clock;

    public Submitting(WarrantyClaims claims, AggregateStore store, ClaimReadiness readiness, ClaimSubmitter submitter,
                      OemProperties oem, Clock clock) {
        this.claims = claims;
        this.store = store;
        this.readiness = readiness;
        this.submitter = submitter;
        this.oem = oem;
        this.clock = clock;
    }

    public WarrantyClaim submit(String id, ExpectedVersion expected, Actor by) {
        Instant now = clock.instant();
        // checked on the state being queued, so a correction saved meanwhile cannot slip through unchecked
        store.change(() -> claims.get(id), expected, claim ->
                claim.queueForSubmission(readiness.problems(claim), readiness.brokenRules(claim), by, now, now.plus(oem.resendInterval())));
        return submitter.send(id);
    }
}
