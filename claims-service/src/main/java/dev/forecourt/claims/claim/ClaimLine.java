package dev.forecourt.claims.claim;

import java.math.BigDecimal;

import dev.forecourt.platform.money.Money;

/**
 * One priced line of a claim: a labour operation (hours × the brand's warranty labour rate) or a
 * part (quantity × unit price). The OEM approves an amount per line.
 *
 * @param reference the labour operation code or the part number: how the OEM names the line
 */
public record ClaimLine(Kind kind, String reference, String description, BigDecimal quantity, Money claimed, Money approved) {

    public enum Kind { LABOUR, PART }

    public ClaimLine withApproved(Money amount) {
        return new ClaimLine(kind, reference, description, quantity, claimed, amount);
    }

    public boolean matches(Kind otherKind, String otherReference) {
        return kind == otherKind && reference != null && reference.equals(otherReference);
    }
}
