package dev.forecourt.workshop.repairorder;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.money.Money;

/**
 * A charge beside labour and parts (sublet work, disposal, towing …) or, when {@code discount}, an
 * approved reduction, each for one payer.
 */
public record OtherCharge(String id, String description, Money amount, PayType payer, boolean discount, Actor approvedBy) {
}
