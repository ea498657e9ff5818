package dev.forecourt.parts.countersales;

import java.time.Instant;

import dev.forecourt.platform.money.Money;

/** One payment at the parts counter; a sale may be paid in several. */
public record Payment(String method, Money amount, String reference, String receivedBy, Instant receivedAt) {
}
