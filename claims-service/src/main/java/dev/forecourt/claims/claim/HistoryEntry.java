package dev.forecourt.claims.claim;

import java.time.Instant;

import dev.forecourt.platform.domain.Actor;

/**
 * One change of a claim, kept forever (claims are archived with their whole story).
 *
 * @param by         who did it: an employee, or {@link WarrantyClaim#OEM} for the OEM's answers
 * @param reasonCode the OEM's rejection reason, on a change to REJECTED (the claim's own reason is
 *                   cleared on resubmission; the history keeps it for the reports)
 * @param webhookId  the OEM webhook that caused the change, so the same webhook never applies twice
 */
public record HistoryEntry(Instant at, ClaimStatus from, ClaimStatus to, Actor by, String note, String reasonCode,
                           String webhookId) {
}
