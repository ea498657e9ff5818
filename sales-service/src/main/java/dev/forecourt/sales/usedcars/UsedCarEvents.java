package dev.forecourt.sales.usedcars;

import java.time.Instant;
import java.time.LocalDate;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;
import dev.forecourt.platform.money.Money;

/**
 * Facts of the used-car business (二手车): appraisals, cash purchases, trade-ins against a new-car
 * order and resales. The subject is the used car id. {@code customerId}/{@code customerPhone} name
 * the seller, except in {@link UsedCarResold}, where they name the buyer.
 */
public final class UsedCarEvents {

    private UsedCarEvents() {
    }

    @EventType("forecourt.sales.used-car-appraised.v1")
    public record UsedCarAppraised(String usedCarId, String vin, String brand, String model, LocalDate firstRegistration,
                                   int odometerKm, String customerId, String customerName, String customerPhone,
                                   Money appraisedValue, UsedCar.Condition condition, Instant appraisedAt, String appraisedBy)
            implements DomainEvent {
        @Override
        public String aggregateId() {
            return usedCarId;
        }
    }

    @EventType("forecourt.sales.used-car-purchased.v1")
    public record UsedCarPurchased(String usedCarId, String vin, String customerId, String customerPhone, Money price,
                                   Money appraisedValue, Instant purchasedAt, String purchasedBy) implements DomainEvent {
        @Override
        public String aggregateId() {
            return usedCarId;
        }
    }

    @EventType("forecourt.sales.used-car-traded-in.v1")
    public record UsedCarTradedIn(String usedCarId, String vin, String salesOrderId, String customerId, String customerPhone,
                                  Money credited, Instant tradedInAt, String tradedInBy) implements DomainEvent {
        @Override
        public String aggregateId() {
            return usedCarId;
        }
    }

    /** The new-car order refused the credit (e.g. more than its balance), so the trade-in was taken back. */
    @EventType("forecourt.sales.used-car-trade-in-reversed.v1")
    public record UsedCarTradeInReversed(String usedCarId, String vin, String salesOrderId, String customerId, String reason,
                                         Instant reversedAt) implements DomainEvent {
        @Override
        public String aggregateId() {
            return usedCarId;
        }
    }

    @EventType("forecourt.sales.used-car-resold.v1")
    public record UsedCarResold(String usedCarId, String vin, String customerId, String customerName, String customerPhone,
                                Money price, Instant resoldAt, String resoldBy) implements DomainEvent {
        @Override
        public String aggregateId() {
            return usedCarId;
        }
    }
}
