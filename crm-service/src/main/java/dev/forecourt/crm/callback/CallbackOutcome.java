package dev.forecourt.crm.callback;

import dev.forecourt.crm.complaint.ComplaintSeverity;
import dev.forecourt.crm.customer.ChurnReason;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/**
 * What a call in which the customer was reached brought.
 *
 * @param scores             the questionnaire (follow-ups)
 * @param customerWords      the customer's own words (用户原话), kept verbatim
 * @param complaintRequested the specialist opens a complaint whatever the scores
 * @param complaintSummary   what the complaint is about, when one is opened
 * @param complaintSeverity  MAJOR when the specialist judges the complaint a major one; left out, NORMAL
 * @param reworkRequested    the customer wants the work redone; the workshop learns it from CallbackCompleted
 * @param resolutionAccepted verification callback: the customer accepts the complaint's resolution
 * @param churnReason        reactivation call: why the customer stopped coming
 * @param note               the specialist's note
 */
public record CallbackOutcome(
        @Valid Questionnaire scores,
        @Size(max = 2000) String customerWords,
        Boolean complaintRequested,
        @Size(max = 500) String complaintSummary,
        ComplaintSeverity complaintSeverity,
        Boolean reworkRequested,
        Boolean resolutionAccepted,
        ChurnReason churnReason,
        @Size(max = 1000) String note) {

    /** Flags left out of the request mean "no". */
    public CallbackOutcome {
        complaintRequested = Boolean.TRUE.equals(complaintRequested);
        reworkRequested = Boolean.TRUE.equals(reworkRequested);
    }
}
