package dev.forecourt.crm.customer;

import java.time.Clock;

import org.springframework.stereotype.Component;


/** Keeps on the profile (from CallbackCompleted, dispatched by {@code intake.OwnEvents}) why a dormant customer stopped coming, as the reactivation call learned it. */
@Component
public class ChurnReasons {

    /** The fields of CallbackCompleted this reaction needs. */
    public record CallbackCompleted(String customerId, String customerPhone, String kind, ChurnReason churnReason) {
    }

    private final CustomerDirectory directory;
    private final Clock clock;

    ChurnReasons(CustomerDirectory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    public void on(CallbackCompleted callback) {
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
