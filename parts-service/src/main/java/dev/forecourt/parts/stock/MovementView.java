package dev.forecourt.parts.stock;

import java.time.Instant;

import dev.forecourt.platform.domain.Actor;

/** A ledger entry as answered by the API (see {@link Movement} for the fields). */
public record MovementView(String movementId, String partNumber, MovementType type, int quantity, int reservedChange,
                           DocumentRef document, String reference, String reason, Actor by, Instant at) {

    public static MovementView of(Movement m) {
        return new MovementView(m.movementId(), m.partNumber(), m.type(), m.quantity(), m.reservedChange(), m.document(),
                m.reference(), m.reason(), m.by(), m.at());
    }
}
