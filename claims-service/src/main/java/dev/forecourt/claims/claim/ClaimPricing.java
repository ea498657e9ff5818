package dev.forecourt.claims.claim;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.forecourt.platform.money.Money;

/** Prices a claim's content: labour at the brand's warranty labour rate, parts at their unit price. */
public final class ClaimPricing {

    private ClaimPricing() {
    }

    public static List<ClaimLine> price(ClaimContent content, Money labourRate) {
        List<ClaimLine> lines = new ArrayList<>();
        for (LabourOperation op : content.labourOperations()) {
            BigDecimal hours = op.hours() == null ? BigDecimal.ZERO : op.hours();
            lines.add(new ClaimLine(ClaimLine.Kind.LABOUR, op.code(), op.description(), hours, labourRate.times(hours), null));
        }
        for (ClaimedPart part : content.parts()) {
            BigDecimal quantity = part.quantity() == null ? BigDecimal.ZERO : part.quantity();
            Money unitPrice = part.unitPrice() == null ? Money.zero(labourRate.currency()) : part.unitPrice();
            lines.add(new ClaimLine(ClaimLine.Kind.PART, part.partNumber(), part.description(), quantity, unitPrice.times(quantity), null));
        }
        return List.copyOf(lines);
    }

    public static Money total(List<ClaimLine> lines, Function<ClaimLine, Money> amount, String currency) {
        Money sum = Money.zero(currency);
        for (ClaimLine line : lines) {
            Money value = amount.apply(line);
            if (value != null) {
                sum = sum.plus(value);
            }
        }
        return sum;
    }
}
