package dev.forecourt.claims.claim;

import java.time.Instant;

/**
 * The OEM's refusal of a submission round: its HTTP status, its code and its words.
 *
 * @param reasonCode the OEM's code for the refusal, when it gave one
 */
public record SubmissionRefusal(int httpStatus, String reasonCode, String reason, Instant refusedAt) {
}
