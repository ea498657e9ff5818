package dev.forecourt.platform.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import dev.forecourt.platform.errors.RuleViolated;

/**
 * An amount of money: a decimal with two places and an ISO 4217 currency (CNY by default, see
 * docs/domain.md). Serialised as {@code {"amount": 1234.50, "currency": "CNY"}}.
 */
public record Money(
        @NotNull @Digits(integer = 12, fraction = 2) BigDecimal amount,
        @NotNull @Pattern(regexp = "[A-Z]{3}") String currency) {

    public static final String CNY = "CNY";

    public Money {
        if (amount != null) {
            amount = amount.setScale(2, RoundingMode.HALF_UP);
        }
    }

    /** The largest amount any document of a store holds: twelve digits before the point. */
    static final BigDecimal LIMIT = new BigDecimal("1000000000000");

    /**
     * Money as a client sends it: refused (422), never rounded, when it has more than two decimals
     * or lies beyond ±10^12. Arithmetic inside the services rounds half up to the cent instead.
     */
    @JsonCreator
    public static Money of(@JsonProperty("amount") BigDecimal amount, @JsonProperty("currency") String currency) {
        if (amount != null && amount.stripTrailingZeros().scale() > 2) {
            throw new RuleViolated("money-precision", "Too many decimals", "An amount has at most two decimals: " + amount.toPlainString());
        }
        if (amount != null && amount.abs().compareTo(LIMIT) >= 0) {
            throw new RuleViolated("money-range", "Amount out of range", "An amount lies between -10^12 and 10^12");
        }
        return new Money(amount, currency);
    }

    public static Money cny(String amount) {
        return new Money(new BigDecimal(amount), CNY);
    }

    public static Money zero(String currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor), currency);
    }

    @JsonIgnore // a question about the amount, not part of it
    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot combine " + currency + " with " + other.currency);
        }
    }
}
