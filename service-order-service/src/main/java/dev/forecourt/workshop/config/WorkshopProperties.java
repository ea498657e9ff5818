package dev.forecourt.workshop.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.forecourt.platform.money.Money;
import dev.forecourt.workshop.repairorder.PayType;
import dev.forecourt.workshop.repairorder.Tariff;

/**
 * How this store's workshop is set up.
 *
 * @param bays                 the workshop bays (工位) jobs are dispatched to
 * @param slotMinutes          length of an appointment slot; slots start on multiples of it
 * @param advisorSlotCapacity  appointments one advisor receives per slot
 * @param labourRate           price of one labour hour (CNY, before VAT) for a pay type without its own rate
 * @param labourRates          price of one labour hour per pay type (CUSTOMER, WARRANTY, INSURANCE, INTERNAL)
 * @param vatRate              VAT added to each payer's net on the bill (0.13 = 13 %)
 * @param lateWarning          how long before the promised time an unfinished car is flagged late
 * @param serviceAccount       the account used to reserve parts when no one is at hand (automatic retries)
 * @param certifiedSkills      skills a job is dispatched for only to a technician with a valid certificate (持证上岗)
 */
@ConfigurationProperties("forecourt.workshop")
public record WorkshopProperties(
        @DefaultValue({"B1", "B2", "B3", "B4", "B5", "B6"}) List<String> bays,
        @DefaultValue("30") int slotMinutes,
        @DefaultValue("2") int advisorSlotCapacity,
        @DefaultValue("280.00") BigDecimal labourRate,
        Map<PayType, BigDecimal> labourRates,
        @DefaultValue("0.13") BigDecimal vatRate,
        @DefaultValue("30m") Duration lateWarning,
        @DefaultValue ServiceAccount serviceAccount,
        @DefaultValue({"high-voltage", "air-conditioning"}) List<String> certifiedSkills) {

    public record ServiceAccount(@DefaultValue("svc-workshop") String username,
                                 @DefaultValue("svc-demo-1234") String password) {
    }

    /** The prices a repair order opened now is billed at. */
    public Tariff tariff() {
        Map<PayType, Money> rates = new EnumMap<>(PayType.class);
        for (PayType payType : PayType.values()) {
            BigDecimal rate = labourRates == null ? null : labourRates.get(payType);
            rates.put(payType, new Money(rate == null ? labourRate : rate, Money.CNY));
        }
        return new Tariff(rates, vatRate);
    }
}
