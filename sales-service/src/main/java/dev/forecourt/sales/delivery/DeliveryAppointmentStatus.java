package dev.forecourt.sales.delivery;

import java.util.EnumSet;
import java.util.Set;

import dev.forecourt.platform.domain.Lifecycle;

/** A delivery appointment is kept (the car handed over) or cancelled; until then it may be moved. */
public enum DeliveryAppointmentStatus implements Lifecycle<DeliveryAppointmentStatus> {
    SCHEDULED, COMPLETED, CANCELLED;

    @Override
    public Set<DeliveryAppointmentStatus> next() {
        return switch (this) {
            case SCHEDULED -> EnumSet.of(SCHEDULED, COMPLETED, CANCELLED);
            case COMPLETED, CANCELLED -> EnumSet.noneOf(DeliveryAppointmentStatus.class);
        };
    }
}
