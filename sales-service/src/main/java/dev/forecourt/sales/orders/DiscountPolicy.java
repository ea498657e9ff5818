package dev.forecourt.sales.orders;

import java.math.BigDecimal;
import java.math.RoundingMode;

import dev.forecourt.platform.money.Money;

/**
 * The store's discount rule: a discount above a share of the list price (3% by default) needs the
 * sales manager's approval. Exactly the limit is still within the consultant's authority.
 */
public record DiscountPolicy(BigDecimal approvalPercent) {

    public Money limitFor(Money listPrice) {
        return listPrice.times(approvalPercent.divide(BigDecimal.valueOf(100), 6, RoundingMode.HALF_UP));
    }

    public boolean needsApproval(Money listPrice, Money discount) {
        return discount.compareTo(limitFor(listPrice)) > 0;
    }
}
