package dev.forecourt.parts.repairorders;

import java.time.Instant;

import dev.forecourt.platform.money.Money;

/**
 * A parts line of a repair order as the workshop announced it.
 *
 * @param unitPrice the catalogue retail price parts-service answered when the line was reserved
 * @param removed   the advisor removed the line: nothing more is issued against it
 */
public record PartsLine(String lineId, String partNumber, int quantity, Money unitPrice, String payType, Instant addedAt,
                        boolean removed) {

    PartsLine asRemoved() {
        return new PartsLine(lineId, partNumber, quantity, unitPrice, payType, addedAt, true);
    }
}
