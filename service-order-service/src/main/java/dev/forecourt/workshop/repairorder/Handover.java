package dev.forecourt.workshop.repairorder;

import java.time.Instant;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.money.Money;

/** The car going back to its owner (交车): work explained, the customer's share of the bill paid. */
public record Handover(int odometerOutKm, boolean workExplained, Money amountSettled, Actor handedOverBy,
                       Instant handedOverAt) {
}
