package dev.forecourt.workshop.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.forecourt.platform.money.Money;

/**
 * How this store's workshop is set up.
 *
 * @param bays                 the workshop bays (工位) jobs are dispatched to
 * @param slotMinutes          length of an appointment slot; slots start on multiples of it
 * @param advisorSlotCapacity  appointments one advisor receives per slot
 * @param labourRate           price of one labour hour on estimates (CNY)
 * @param lateWarning          how long before the promised time an unfinished car is flagged late
 * @param serviceAccount       the account used to reserve parts when no one is at hand (automatic retries)
 */
@ConfigurationProperties("forecourt.workshop")
public record WorkshopProperties(
        @DefaultValue({"B1", "B2", "B3", "B4", "B5", "B6"}) List<String> bays,
        @DefaultValue("30") int slotMinutes,
        @DefaultValue("2") int advisorSlotCapacity,
        @DefaultValue("280.00") BigDecimal labourRate,
        @DefaultValue("30m") Duration lateWarning,
        @DefaultValue ServiceAccount serviceAccount) {

    public record ServiceAccount(@DefaultValue("svc-workshop") String username,
                                 @DefaultValue("svc-demo-1234") String password) {
    }

    public Money labourRateMoney() {
        return new Money(labourRate, Money.CNY);
    }
}
