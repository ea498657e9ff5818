package dev.forecourt.parts.issuing;

import java.time.Instant;

import dev.forecourt.parts.stock.DocumentRef;
import dev.forecourt.parts.stock.Movement;
import dev.forecourt.parts.stock.StockLevel;

import dev.forecourt.platform.domain.Actor;

/** An issue as answered by the API: the ledger entry, and the stock right after it when known. */
public record StockIssue(String issueId, String partNumber, int quantity, DocumentRef document, String reservationId,
                         int fromReservation, Actor issuedBy, Instant issuedAt, StockLevel stock) {

    static StockIssue of(Movement movement, StockLevel stock) {
        return new StockIssue(movement.movementId(), movement.partNumber(), -movement.quantity(), movement.document(),
                movement.reference(), -movement.reservedChange(), movement.by(), movement.at(), stock);
    }
}
