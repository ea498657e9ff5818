package dev.forecourt.workshop.repairorder;

import dev.forecourt.platform.money.Money;

/**
 * What one payer owes: the net amounts by kind, VAT on the net, and the gross. The customer pays
 * the CUSTOMER share at the cashier; WARRANTY goes to the OEM claim, INSURANCE to the insurer,
 * INTERNAL is the store's own cost.
 */
public record BillShare(PayType payer, Money labour, Money parts, Money otherCharges, Money discounts, Money net, Money vat,
                        Money gross) {
}
