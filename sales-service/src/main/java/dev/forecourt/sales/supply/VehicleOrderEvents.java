package dev.forecourt.sales.supply;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;
import dev.forecourt.platform.money.Money;

/** Facts of vehicle supply from the carmaker; the subject is the vehicle order id, the plan id or the payment request id. No personal data. */
public final class VehicleOrderEvents {

    private VehicleOrderEvents() {
    }

    public record AllocatedCar(int lineNo, String vin, String model, String trim, String colour, Money listPrice, Money invoicePrice) {
    }

    public record DispatchedCar(String vin, String model, String colour, Instant dispatchedAt, LocalDate expectedArrival) {
    }

    @EventType("forecourt.sales.vehicle-order-drafted.v1")
    public record VehicleOrderDrafted(String vehicleOrderId, String number, VehicleOrder.Kind kind, String month, String supplyPlanId,
                                      List<VehicleOrder.VehicleOrderLine> lines, int quantity, Instant draftedAt, String draftedBy) implements DomainEvent {
        @Override
        public String aggregateId() {
            return vehicleOrderId;
        }
    }

    @EventType("forecourt.sales.vehicle-order-approved.v1")
    public record VehicleOrderApproved(String vehicleOrderId, String number, int quantity, Instant approvedAt, String approvedBy)
            implements DomainEvent {
        @Override
        public String aggregateId() {
            return vehicleOrderId;
        }
    }

    @EventType("forecourt.sales.vehicle-order-allocated.v1")
    public record VehicleOrderAllocated(String vehicleOrderId, String number, String oemOrderId, List<AllocatedCar> allocations,
                                        int ordered, int allocated, Money invoiceTotal, Instant allocatedAt, String sentBy)
            implements DomainEvent {
        @Override
        public String aggregateId() {
            return vehicleOrderId;
        }
    }

    @EventType("forecourt.sales.vehicles-dispatched.v1")
    public record VehiclesDispatched(String vehicleOrderId, String number, String oemOrderId, List<DispatchedCar> vehicles,
                                     Instant recordedAt) implements DomainEvent {
        @Override
        public String aggregateId() {
            return vehicleOrderId;
        }
    }

    @EventType("forecourt.sales.vehicle-order-cancelled.v1")
    public record VehicleOrderCancelled(String vehicleOrderId, String number, String reason, Instant cancelledAt, String cancelledBy)
            implements DomainEvent {
        @Override
        public String aggregateId() {
            return vehicleOrderId;
        }
    }

    public record ForecastLine(String model, String trim, int quantity) {
    }

    public record ColourLine(String model, String trim, String colour, int quantity) {
    }

    @EventType("forecourt.sales.supply-forecast-submitted.v1")
    public record SupplyForecastSubmitted(String supplyPlanId, String month, String horizon, List<ForecastLine> lines, int quantity,
                                          String oemReference, Instant submittedAt, String submittedBy) implements DomainEvent {
        @Override
        public String aggregateId() {
            return supplyPlanId;
        }
    }

    @EventType("forecourt.sales.supply-colours-confirmed.v1")
    public record SupplyColoursConfirmed(String supplyPlanId, String month, List<ColourLine> lines, int quantity, String oemReference,
                                         Instant confirmedAt, String confirmedBy) implements DomainEvent {
        @Override
        public String aggregateId() {
            return supplyPlanId;
        }
    }

    @EventType("forecourt.sales.payment-requested.v1")
    public record PaymentRequested(String paymentRequestId, String number, String vehicleOrderId, String vehicleOrderNumber,
                                   List<String> vins, Money amount, Instant requestedAt, String requestedBy) implements DomainEvent {
        @Override
        public String aggregateId() {
            return paymentRequestId;
        }
    }

    @EventType("forecourt.sales.payment-request-remitted.v1")
    public record PaymentRequestRemitted(String paymentRequestId, String number, String vehicleOrderId, Money amount, String bankReference,
                                         LocalDate remittedOn, Instant recordedAt, String recordedBy) implements DomainEvent {
        @Override
        public String aggregateId() {
            return paymentRequestId;
        }
    }

    @EventType("forecourt.sales.payment-request-rejected.v1")
    public record PaymentRequestRejected(String paymentRequestId, String number, String vehicleOrderId, String reason, Instant rejectedAt,
                                         String rejectedBy) implements DomainEvent {
        @Override
        public String aggregateId() {
            return paymentRequestId;
        }
    }
}
