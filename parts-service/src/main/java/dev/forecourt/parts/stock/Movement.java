package dev.forecourt.parts.stock;

import java.time.Instant;

import org.springframework.data.mongodb.core.mapping.Document;

import dev.forecourt.platform.domain.Actor;

/**
 * One entry of the movement ledger (卡片帐). It is first written inside the stock card by the same
 * atomic update that changes the quantities, then copied to the ledger collection under its own
 * unique id; so the ledger always sums to the card. The unique index on {@code movementId} is
 * created by {@link LedgerIndexes}: declared here it would also land on the card's embedded copy.
 *
 * @param movementId     unique and chosen before the write (the issue id, {@code receiptId-L1}, …)
 * @param quantity       change of the quantity on hand (negative for issues and returns)
 * @param reservedChange change of the reserved quantity
 * @param reference      a further identifier, e.g. the reservation a movement concerns
 */
@Document("stock_movements")
public record Movement(String movementId, String partNumber, MovementType type, int quantity,
                       int reservedChange, DocumentRef document, String reference, String reason, Actor by, Instant at) {

    public int availableChange() {
        return quantity - reservedChange;
    }
}
