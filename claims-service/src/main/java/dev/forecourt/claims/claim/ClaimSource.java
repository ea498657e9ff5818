package dev.forecourt.claims.claim;

/** How a claim came to be: from the workshop's warranty job at handover, or typed in by the administrator. */
public enum ClaimSource {
    WARRANTY_JOB,
    MANUAL
}
