package dev.forecourt.workshop.repairorder;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

import dev.forecourt.platform.money.Money;

/**
 * The prices an order is billed at, fixed when it is opened: the labour rate (price of one hour) of
 * each pay type, and the VAT rate added on top of the net amounts.
 */
public record Tariff(Map<PayType, Money> labourRates, BigDecimal vatRate) {

    public Tariff {
        labourRates = new EnumMap<>(labourRates);
    }

    /** One labour rate for every pay type. */
    public static Tariff flat(Money rate, BigDecimal vatRate) {
        Map<PayType, Money> rates = new EnumMap<>(PayType.class);
        for (PayType payType : PayType.values()) {
            rates.put(payType, rate);
        }
        return new Tariff(rates, vatRate);
    }

    public Money rateOf(PayType payType) {
        Money rate = labourRates.get(payType);
        if (rate == null) {
            throw new IllegalStateException("No labour rate for " + payType);
        }
        return rate;
    }
}
