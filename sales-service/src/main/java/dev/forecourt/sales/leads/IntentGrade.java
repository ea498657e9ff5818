package dev.forecourt.sales.leads;

/**
 * How soon a prospect is expected to buy, the usual 4S grading set at every contact: H within 7
 * days, A within 15, B within 30, C later. The horizons and the follow-up rhythm per grade are
 * the store's ({@code forecourt.sales.intent-grades}); see {@link IntentGradePolicy}.
 */
public enum IntentGrade {
    H, A, B, C
}
