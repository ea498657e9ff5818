package dev.forecourt.crm.customer;

import java.time.Clock;

import org.springframework.stereotype.Component;

import dev.forecourt.platform.events.consume.HandlesEvent;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.events.outbox.ExpectedVersion;

/** Keeps on the profile (from this service's own CallbackCompleted) why a dormant customer stopped coming, as the reactivation call learned it. */
@Component
class ChurnReasons {

    /** The fields of CallbackCompleted this reaction needs. */
    record CallbackCompleted(String customerId, String customerPhone, String kind, ChurnReason churnReason) {
    }

    private final Customers customers;
    private final AggregateStore aggregates;
    private final Clock clock;

    ChurnReasons(Customers customers, AggregateStore aggregates, Clock clock) {
        this.customers = customers;
        this.aggregates = aggregates;
        this.clock = clock;
    }

    @HandlesEvent("forecourt.crm.callback-completed.v1")
    void on(CallbackCompleted callback) {
        if (!"REACTIVATION".equals(callback.kind()) || callback.churnReason() == null || callback.customerPhone() == null) {
            return;
        }
        customers.findByPhone(callback.customerPhone()).ifPresent(customer -> aggregates.change(Customer.class, customer.getId(),
                ExpectedVersion.ANY, c -> c.recordChurnReason(callback.churnReason(), clock.instant())));
    }
}
