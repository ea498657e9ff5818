package dev.forecourt.claims.claim;

import java.math.BigDecimal;

import dev.forecourt.platform.money.Money;

/** A part fitted under warranty, at the price the dealer paid for it. */
public record ClaimedPart(String partNumber, String description, BigDecimal quantity, Money unitPrice) {
}
