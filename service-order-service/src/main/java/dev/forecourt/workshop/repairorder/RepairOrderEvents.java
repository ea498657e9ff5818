package dev.forecourt.workshop.repairorder;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;
import dev.forecourt.platform.money.Money;

/**
 * What a repair order publishes (documented in docs/events/workshop.yaml). All carry the repair
 * order id as subject, so one order's events stay in order on one partition. The handed-over and
 * warranty-job-completed shapes are contracts with CRM, claims and parts (docs/service-guide.md).
 */
public final class RepairOrderEvents {

    private RepairOrderEvents() {
    }

    @EventType("forecourt.workshop.repair-order-opened.v1")
    public record RepairOrderOpened(String repairOrderId, String orderNumber, String appointmentId, String vin, String plate,
                                    String brand, String model, String customerId, String customerName, String customerPhone,
                                    String advisorId, String advisorName, int odometerInKm, String complaint,
                                    Instant promisedAt, Instant openedAt, String reworkOf) implements DomainEvent {
        @Override public String aggregateId() { return repairOrderId; }
    }

    @EventType("forecourt.workshop.job-dispatched.v1")
    public record JobDispatched(String repairOrderId, String orderNumber, String jobId, String labourOperationCode,
                                String technicianId, String technicianName, String bayId, Instant dispatchedAt) implements DomainEvent {
        @Override public String aggregateId() { return repairOrderId; }
    }

    @EventType("forecourt.workshop.job-completed.v1")
    public record JobCompleted(String repairOrderId, String orderNumber, String jobId, String labourOperationCode,
                               BigDecimal hours, PayType payType, String technicianId, Instant completedAt) implements DomainEvent {
        @Override public String aggregateId() { return repairOrderId; }
    }

    public record Finding(String jobId, String finding, String technicianId) {
    }

    @EventType("forecourt.workshop.quality-check-failed.v1")
    public record QualityCheckFailed(String repairOrderId, String orderNumber, List<Finding> findings,
                                     String inspectorId, Instant checkedAt) implements DomainEvent {
        @Override public String aggregateId() { return repairOrderId; }
    }

    @EventType("forecourt.workshop.repair-order-handed-over.v1")
    public record RepairOrderHandedOver(String repairOrderId, String orderNumber, String vin, String plate, String brand,
                                        String model, String customerId, String customerName, String customerPhone,
                                        String advisorId, String advisorName, int odometerOutKm, Instant handedOverAt,
                                        List<PayType> payTypes, String reworkOf, Money amountSettled) implements DomainEvent {
        @Override public String aggregateId() { return repairOrderId; }
    }

    public record LabourLine(String code, String description, BigDecimal hours) {
    }

    public record PartLine(String partNumber, String description, int quantity, Money unitPrice) {
    }

    @EventType("forecourt.workshop.warranty-job-completed.v1")
    public record WarrantyJobCompleted(String repairOrderId, String orderNumber, String jobId, String vin, String brand,
                                       String model, int odometerKm, LocalDate failureDate, Instant handedOverAt,
                                       String complaint, String cause, String correction, List<LabourLine> labourOperations,
                                       List<PartLine> parts, String causalPartNumber, boolean roadService,
                                       Integer outsideServiceKm, String technicianId, String advisorId) implements DomainEvent {
        @Override public String aggregateId() { return repairOrderId; }
    }

    @EventType("forecourt.workshop.rework-recorded.v1")
    public record ReworkRecorded(String repairOrderId, String orderNumber, String reworkOf, String reworkOfOrderNumber,
                                 String vin, String complaint, Instant recordedAt) implements DomainEvent {
        @Override public String aggregateId() { return repairOrderId; }
    }

    @EventType("forecourt.workshop.repair-order-cancelled.v1")
    public record RepairOrderCancelled(String repairOrderId, String orderNumber, Instant cancelledAt, String reason) implements DomainEvent {
        @Override public String aggregateId() { return repairOrderId; }
    }

    @EventType("forecourt.workshop.vehicle-running-late.v1")
    public record VehicleRunningLate(String repairOrderId, String orderNumber, String customerId, String customerName, String customerPhone,
                                     String advisorId, Instant promisedAt, Instant flaggedAt) implements DomainEvent {
        @Override public String aggregateId() { return repairOrderId; }
    }
}
