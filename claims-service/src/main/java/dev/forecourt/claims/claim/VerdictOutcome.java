package dev.forecourt.claims.claim;

/** What an OEM status did to a claim: applied, or ignored with the reason (a repeat, an older round, old news). */
public sealed interface VerdictOutcome {

    /** @param status the claim's status afterwards */
    record Applied(ClaimStatus status) implements VerdictOutcome {
    }

    record Ignored(String reason) implements VerdictOutcome {
    }
}
