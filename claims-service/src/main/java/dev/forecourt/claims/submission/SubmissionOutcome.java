package dev.forecourt.claims.submission;

/** What came of sending a claim to the OEM. */
public sealed interface SubmissionOutcome {

    /** The OEM has the claim: its reference (the same again for a repeated key). */
    record Delivered(String oemReference) implements SubmissionOutcome {
    }

    /** The OEM could not be reached or failed (5xx, timeout, open circuit): the claim stays queued and is sent again. */
    record NotDelivered(String failure) implements SubmissionOutcome {
    }

    /**
     * The OEM refused the claim itself (4xx): sending it again unchanged would be refused again, so it is not.
     *
     * @param httpStatus the OEM's status code
     * @param reasonCode the OEM's code for the refusal, when it gave one
     * @param reason     the OEM's words, or its answer's first line
     */
    record Refused(int httpStatus, String reasonCode, String reason) implements SubmissionOutcome {
    }
}
