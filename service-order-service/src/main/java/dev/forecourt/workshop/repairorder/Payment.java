package dev.forecourt.workshop.repairorder;

import java.time.Instant;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.money.Money;

/** One payment the cashier took against the customer's share of the bill. */
public record Payment(String id, PaymentMethod method, Money amount, Actor recordedBy, Instant recordedAt) {
}
