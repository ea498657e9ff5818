package dev.forecourt.workshop.appointment;

/** REQUESTED → CONFIRMED → ARRIVED / NO_SHOW / CANCELLED (a request may also arrive or be cancelled unconfirmed). */
public enum AppointmentStatus {
    REQUESTED, CONFIRMED, ARRIVED, NO_SHOW, CANCELLED;

    boolean isOpen() {
        return this == REQUESTED || this == CONFIRMED;
    }
}
