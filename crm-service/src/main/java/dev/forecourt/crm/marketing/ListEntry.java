package dev.forecourt.crm.marketing;

import java.time.Instant;

/**
 * One customer (and vehicle) to invite. Club members come first on the list and get their own script.
 *
 * @param entryNo   the entry's number on its list (1, 2, …), in calling order
 * @param clubLevel the owners' club level, null for a customer who is not a member
 */
public record ListEntry(int entryNo, String customerId, String customerName, String customerPhone, String vin, String model,
                        String clubLevel, String script, EntryOutcome outcome, String note, Instant outcomeAt,
                        String outcomeById, String outcomeByName, String repairOrderId) {

    public boolean clubMember() {
        return clubLevel != null;
    }

    ListEntry withOutcome(EntryOutcome newOutcome, String newNote, Instant at, String byId, String byName, String orderId) {
        return new ListEntry(entryNo, customerId, customerName, customerPhone, vin, model, clubLevel, script, newOutcome, newNote, at,
                byId, byName, orderId != null ? orderId : repairOrderId);
    }
}
