package dev.forecourt.workshop.repairorder;

import java.time.Instant;

import dev.forecourt.platform.money.Money;

/** The car going back to its owner (交车): work explained, bill settled. */
public record Handover(int odometerOutKm, boolean workExplained, boolean billSettled, Money amountSettled,
                       Person handedOverBy, Instant handedOverAt) {
}
