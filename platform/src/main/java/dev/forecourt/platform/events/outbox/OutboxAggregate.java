package dev.forecourt.platform.events.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;

import dev.forecourt.platform.events.DomainEvent;

/**
 * Base of every aggregate whose changes publish events. Its document carries, beside the state,
 * the events not yet relayed to Kafka ({@code pendingEvents}): saving the aggregate writes both in
 * one atomic single-document write, which works the same on a real MongoDB and on the embedded
 * wire server (neither needs multi-document transactions). The relay removes events once Kafka
 * has acknowledged them.
 *
 * <p>Domain code only calls {@link #raise}; the envelope (id, store, trace, time) is added when
 * the document is written.
 */
public abstract class OutboxAggregate {

    /** Field names used by atomic updates and by the relay. */
    public static final String PENDING_EVENTS = "pendingEvents";
    public static final String OUTBOX_LEASE = "outboxLease";
    public static final String OUTBOX_LEASE_OWNER = "outboxLeaseOwner";

    @Version
    private Long version;

    private List<PendingEvent> pendingEvents = new ArrayList<>();

    /** Until when a relay instance has claimed this document's pending events, and which one. */
    private Instant outboxLease;
    private String outboxLeaseOwner;

    @Transient
    private transient List<DomainEvent> raised = new ArrayList<>();

    /** Records that something happened to this aggregate; it is published after the next save. */
    protected void raise(DomainEvent event) {
        raisedEvents().add(event);
    }

    /** The events raised since the aggregate was loaded or saved: what tests assert on. */
    public List<DomainEvent> newEvents() {
        return Collections.unmodifiableList(raisedEvents());
    }

    public Long getVersion() {
        return version;
    }

    List<DomainEvent> drainNewEvents() {
        List<DomainEvent> drained = List.copyOf(raisedEvents());
        raisedEvents().clear();
        return drained;
    }

    void addPending(PendingEvent event) {
        if (pendingEvents == null) {
            pendingEvents = new ArrayList<>();
        }
        pendingEvents.add(event);
    }

    boolean hasPendingEvents() {
        return pendingEvents != null && !pendingEvents.isEmpty();
    }

    private List<DomainEvent> raisedEvents() {
        // The mapping layer instantiates documents without running field initialisers of transient fields.
        if (raised == null) {
            raised = new ArrayList<>();
        }
        return raised;
    }
}
