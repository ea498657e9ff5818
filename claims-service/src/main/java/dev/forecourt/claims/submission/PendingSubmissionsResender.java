package dev.forecourt.claims.submission;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.forecourt.claims.claim.WarrantyClaim;
import dev.forecourt.claims.claim.WarrantyClaims;

/** Sends queued claims again when they are due, until the OEM has them. */
@Component
public class PendingSubmissionsResender {

    private static final Logger log = LoggerFactory.getLogger(PendingSubmissionsResender.class);

    private final WarrantyClaims claims;
    private final ClaimSubmitter submitter;
    private final Clock clock;

    public PendingSubmissionsResender(WarrantyClaims claims, ClaimSubmitter submitter, Clock clock) {
        this.claims = claims;
        this.submitter = submitter;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${forecourt.oem.resend-check-interval:5s}", initialDelayString = "${forecourt.oem.resend-check-interval:5s}")
    public void resendDue() {
        for (WarrantyClaim claim : claims.dueForSubmission(clock.instant())) {
            try {
                submitter.send(claim.getId());
            } catch (RuntimeException e) {
                // one claim's trouble (e.g. a storage hiccup) must not hold up the others; it is due again next round
                log.warn("Resending claim {} failed: {}", claim.getClaimNumber(), e.toString());
            }
        }
    }
}
