package dev.forecourt.crm.intake;

import org.springframework.stereotype.Component;

import dev.forecourt.crm.complaint.CallbackComplaints;
import dev.forecourt.crm.customer.ChurnReasons;
import dev.forecourt.platform.events.consume.HandlesEvent;
import dev.forecourt.platform.events.consume.IncomingEvent;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads this service's own CallbackCompleted back from its topic, so that the complaint it opens
 * and the churn reason it records follow reliably from the outbox. The platform allows one handler
 * per event type and service, so this one hands the event to each feature that reacts to it; each
 * reaction is idempotent on its own.
 */
@Component
class OwnEvents {

    private final JsonMapper json;
    private final CallbackComplaints complaints;
    private final ChurnReasons churnReasons;

    OwnEvents(JsonMapper json, CallbackComplaints complaints, ChurnReasons churnReasons) {
        this.json = json;
        this.complaints = complaints;
        this.churnReasons = churnReasons;
    }

    @HandlesEvent("forecourt.crm.callback-completed.v1")
    void on(IncomingEvent event) {
        complaints.on(json.readValue(event.data(), CallbackComplaints.CallbackCompleted.class));
        churnReasons.on(json.readValue(event.data(), ChurnReasons.CallbackCompleted.class));
    }
}
