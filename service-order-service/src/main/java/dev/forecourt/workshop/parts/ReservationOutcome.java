package dev.forecourt.workshop.parts;

import dev.forecourt.platform.money.Money;

/** What parts-service said about one parts line, or that it could not be asked. */
public sealed interface ReservationOutcome {

    record Reserved(String reservationId, Money unitPrice) implements ReservationOutcome {
    }

    record Insufficient(int available, Money unitPrice) implements ReservationOutcome {
    }

    /** parts-service refused the request itself (4xx other than 409): retrying cannot help. */
    record Rejected(String reason) implements ReservationOutcome {
    }

    record Unavailable(String reason) implements ReservationOutcome {
    }
}
