package dev.forecourt.crm.customer;

import java.time.Clock;

import org.springframework.stereotype.Component;

import dev.forecourt.platform.events.consume.HandlesEvent;

/** Keeps on the profile why a dormant customer stopped coming, as the reactivation call learned it. */
@Component
class ChurnReasons {

    record CallbackCompleted(String customerId, String customerPhone, String kind, ChurnReason churnReason) {
    }

    private final CustomerDirectory directory;
    private final Clock clock;

    ChurnReasons(CustomerDirectory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    @HandlesEvent("forecourt.crm.callback-completed.v1")
    void on(CallbackCompleted callback) {
        if (!"REACTIVATION".equals(callback.kind()) || callback.churnReason() == null || callback.customerPhone() == null) {
            return;
        }
        if (directory.findByPhone(callback.customerPhone()).isEmpty()) {
            return;
        }
        directory.apply(callback.customerPhone(), null, customer -> {
            ChurnReason before = customer.getChurnReason();
            customer.recordChurnReason(callback.churnReason(), clock.instant());
            return before != customer.getChurnReason();
        });
    }
}
