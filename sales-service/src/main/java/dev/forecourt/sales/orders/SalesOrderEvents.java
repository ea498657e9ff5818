package dev.forecourt.sales.orders;

import java.time.Instant;
import java.time.LocalDate;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;
import dev.forecourt.platform.money.Money;

/** Facts about a sales order; the subject is the order id. */
public final class SalesOrderEvents {

    private SalesOrderEvents() {
    }

    @EventType("forecourt.sales.sales-order-confirmed.v1")
    public record SalesOrderConfirmed(String salesOrderId, String vin, String brand, String model, String customerId,
                                      String customerName, String customerPhone, String consultantId, String consultantName,
                                      Money totalPrice, Money discount, Instant confirmedAt) implements DomainEvent {
        @Override
        public String aggregateId() {
            return salesOrderId;
        }
    }

    /** The contract CRM (7-day follow-up) and claims (warranty start) consume: see docs/service-guide.md. */
    @EventType("forecourt.sales.vehicle-delivered.v1")
    public record VehicleDelivered(String salesOrderId, String vin, String brand, String model, String customerId,
                                   String customerName, String customerPhone, String consultantId, String consultantName,
                                   LocalDate deliveryDate, Instant deliveredAt, int odometerKm) implements DomainEvent {
        @Override
        public String aggregateId() {
            return salesOrderId;
        }
    }

    @EventType("forecourt.sales.sales-order-cancelled.v1")
    public record SalesOrderCancelled(String salesOrderId, String vin, String customerId, String reason,
                                      SalesOrderStatus cancelledFrom, Money refundDue, Instant cancelledAt) implements DomainEvent {
        @Override
        public String aggregateId() {
            return salesOrderId;
        }
    }
}
