package dev.forecourt.sales.orders;

import java.time.Instant;
import java.time.LocalDate;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;
import dev.forecourt.platform.money.Money;

/**
 * Facts about a sales order; the subject is the order id. Every event names the buyer by
 * {@code customerId} ({@code cust-<mobile>}).
 */
public final class SalesOrderEvents {

    private SalesOrderEvents() {
    }

    @EventType("forecourt.sales.sales-order-drafted.v1")
    public record SalesOrderDrafted(String salesOrderId, String leadId, String customerId, String customerName,
                                    String customerPhone, String vin, String model, Money listPrice, Money discount,
                                    Money totalPrice, OrderRecords.DiscountApproval discountApproval, String consultantId,
                                    String consultantName, Instant draftedAt, String fleetAccountId) implements DomainEvent {
        @Override
        public String aggregateId() {
            return salesOrderId;
        }
    }

    @EventType("forecourt.sales.discount-approved.v1")
    public record DiscountApproved(String salesOrderId, String customerId, String vin, Money listPrice, Money discount,
                                   String approvedBy, Instant approvedAt) implements DomainEvent {
        @Override
        public String aggregateId() {
            return salesOrderId;
        }
    }

    @EventType("forecourt.sales.payment-recorded.v1")
    public record PaymentRecorded(String salesOrderId, String customerId, String paymentId, OrderRecords.PaymentKind kind,
                                  OrderRecords.PaymentMethod method, Money amount, Money paid, Money balanceDue,
                                  Instant receivedAt, String receivedBy) implements DomainEvent {
        @Override
        public String aggregateId() {
            return salesOrderId;
        }
    }

    @EventType("forecourt.sales.trade-in-credited.v1")
    public record TradeInCredited(String salesOrderId, String customerId, String usedCarId, String usedVin, Money amount,
                                  Money balanceDue, Instant creditedAt) implements DomainEvent {
        @Override
        public String aggregateId() {
            return salesOrderId;
        }
    }

    @EventType("forecourt.sales.sales-order-paid.v1")
    public record SalesOrderPaid(String salesOrderId, String customerId, String vin, Money totalPrice, Money paid,
                                 Money credited, Instant paidAt) implements DomainEvent {
        @Override
        public String aggregateId() {
            return salesOrderId;
        }
    }

    @EventType("forecourt.sales.sales-order-confirmed.v1")
    public record SalesOrderConfirmed(String salesOrderId, String vin, String brand, String model, String customerId,
                                      String customerName, String customerPhone, String consultantId, String consultantName,
                                      Money totalPrice, Money discount, Instant confirmedAt, String fleetAccountId) implements DomainEvent {
        @Override
        public String aggregateId() {
            return salesOrderId;
        }
    }

    /** The contract CRM (7-day follow-up) and claims (warranty start) consume: see docs/service-guide.md. */
    @EventType("forecourt.sales.vehicle-delivered.v1")
    public record VehicleDelivered(String salesOrderId, String vin, String brand, String model, String customerId,
                                   String customerName, String customerPhone, String consultantId, String consultantName,
                                   LocalDate deliveryDate, Instant deliveredAt, int odometerKm, OrderRecords.DeliveryChecklist checklist,
                                   String deliveryAppointmentId, String fleetAccountId) implements DomainEvent {
        @Override
        public String aggregateId() {
            return salesOrderId;
        }
    }

    @EventType("forecourt.sales.sales-order-cancelled.v1")
    public record SalesOrderCancelled(String salesOrderId, String vin, String customerId, String customerName, String customerPhone,
                                      String reason, SalesOrderStatus cancelledFrom, Money refundDue, Instant cancelledAt,
                                      String cancelledBy, String fleetAccountId) implements DomainEvent {
        @Override
        public String aggregateId() {
            return salesOrderId;
        }
    }

    /** Money paid back on a cancelled order; {@code refundDue} is what is still owed after it. */
    @EventType("forecourt.sales.refund-recorded.v1")
    public record RefundRecorded(String salesOrderId, String customerId, String refundId, OrderRecords.PaymentMethod method,
                                 Money amount, Money refunded, Money refundDue, Instant refundedAt, String refundedBy)
            implements DomainEvent {
        @Override
        public String aggregateId() {
            return salesOrderId;
        }
    }

    /** The contract CRM turns into an insurance-renewal call ahead of {@code expiresOn}. */
    @EventType("forecourt.sales.insurance-policy-recorded.v1")
    public record InsurancePolicyRecorded(String salesOrderId, String customerId, String customerPhone, String customerName, String vin,
                                          String insurer, Money premium, LocalDate startsOn, LocalDate expiresOn, String policyNumber,
                                          Instant recordedAt) implements DomainEvent {
        @Override
        public String aggregateId() {
            return salesOrderId;
        }
    }

    @EventType("forecourt.sales.accessory-sold.v1")
    public record AccessorySold(String salesOrderId, String customerId, String lineId, String partNumber, String description,
                                int quantity, Money unitPrice, Money unitCost, Money total, String consultantId, Instant soldAt)
            implements DomainEvent {
        @Override
        public String aggregateId() {
            return salesOrderId;
        }
    }
}
