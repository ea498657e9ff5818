package dev.forecourt.claims.submission;

/** Whether the OEM has the claim: its reference if so, else why not (the claim stays queued). */
public record SubmissionOutcome(boolean delivered, String oemReference, String failure) {

    static SubmissionOutcome delivered(String oemReference) {
        return new SubmissionOutcome(true, oemReference, null);
    }

    static SubmissionOutcome notDelivered(String failure) {
        return new SubmissionOutcome(false, null, failure);
    }
}
