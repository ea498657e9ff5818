package dev.forecourt.workshop.repairorder;

import java.math.BigDecimal;

import dev.forecourt.platform.money.Money;

/** One line of the bill: hours or pieces at a price, or a charge, or a discount (negative amount), for one payer. */
public record BillLine(Kind kind, String reference, String description, BigDecimal quantity, Money unitPrice, Money amount,
                       PayType payer) {

    public enum Kind { LABOUR, PARTS, OTHER_CHARGE, DISCOUNT }
}
