package dev.forecourt.workshop.repairorder;

import dev.forecourt.platform.money.Money;

/** Labour and parts of the jobs not declined; what the customer is asked to approve. */
public record Estimate(Money labour, Money parts, Money total) {
}
