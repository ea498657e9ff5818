package dev.forecourt.parts.issuing;

import java.time.Instant;

import dev.forecourt.parts.stock.DocumentRef;
import dev.forecourt.parts.stock.Movement;
import dev.forecourt.parts.stock.StockLevel;
import dev.forecourt.platform.domain.Actor;

/** A return of issued parts as answered by the API: the ledger entry and the stock right after it. */
public record ReturnedParts(String returnId, String partNumber, int quantity, DocumentRef document, String reason, Actor returnedBy,
                            Instant returnedAt, StockLevel stock) {

    static ReturnedParts of(Movement movement, StockLevel stock) {
        return new ReturnedParts(movement.movementId(), movement.partNumber(), movement.quantity(), movement.document(),
                movement.reason(), movement.by(), movement.at(), stock);
    }
}
