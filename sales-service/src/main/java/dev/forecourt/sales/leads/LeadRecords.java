package dev.forecourt.sales.leads;

import java.time.Instant;

/** Small value types of a lead. */
public final class LeadRecords {

    private LeadRecords() {
    }

    /** What the prospect is interested in. */
    public record Interest(String model, String trim, String notes) {
    }

    /** One logged contact with the prospect (every contact is logged). */
    public record Contact(Instant at, ContactChannel channel, String note, String byId, String byName, Instant nextContactAt,
                          IntentGrade intentGrade) {
    }

    public enum ContactChannel {
        IN_PERSON, PHONE, WECHAT, SMS, EMAIL
    }

    /** The consultant responsible for the lead. */
    public record Consultant(String id, String name) {
    }

    /** A status change, kept for the funnel history and the daily review. */
    public record StatusChange(LeadStatus status, Instant at, String byId) {
    }
}
