package dev.forecourt.workshop.appointment;

import java.util.EnumSet;
import java.util.Set;

import dev.forecourt.platform.domain.Lifecycle;

/** REQUESTED → CONFIRMED → ARRIVED / NO_SHOW / CANCELLED (a request may also arrive, be missed or be cancelled unconfirmed). */
public enum AppointmentStatus implements Lifecycle<AppointmentStatus> {
    REQUESTED, CONFIRMED, ARRIVED, NO_SHOW, CANCELLED;

    @Override
    public Set<AppointmentStatus> next() {
        return switch (this) {
            case REQUESTED -> EnumSet.of(CONFIRMED, ARRIVED, NO_SHOW, CANCELLED);
            case CONFIRMED -> EnumSet.of(ARRIVED, NO_SHOW, CANCELLED);
            case ARRIVED, NO_SHOW, CANCELLED -> EnumSet.noneOf(AppointmentStatus.class);
        };
    }
}
