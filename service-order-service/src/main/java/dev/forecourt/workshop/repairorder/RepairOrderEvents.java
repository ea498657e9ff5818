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
                                        List<PayType> payTypes, String reworkOf, Money amountSettled, String billId) implements DomainEvent {
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
                                       Integer outsideServiceKm, String technicianId, String advisorId, String campaignCode,
                                       String roadServiceOrderNumber, RoadServiceTrip roadServiceOrder) implements DomainEvent {
        @Override public String aggregateId() { return repairOrderId; }
    }

    @EventType("forecourt.workshop.rework-recorded.v1")
    public record ReworkRecorded(String repairOrderId, String orderNumber, String reworkOf, String reworkOfOrderNumber,
                                 String vin, String complaint, Instant recordedAt) implements DomainEvent {
        @Override public String aggregateId() { return repairOrderId; }
    }

    @EventType("forecourt.workshop.repair-order-cancelled.v1")
    public record RepairOrderCancelled(String repairOrderId, String orderNumber, String customerId, Instant cancelledAt,
                                       String reason) implements DomainEvent {
        @Override public String aggregateId() { return repairOrderId; }
    }

    @EventType("forecourt.workshop.vehicle-running-late.v1")
    public record VehicleRunningLate(String repairOrderId, String orderNumber, String customerId, String customerName, String customerPhone,
                                     String advisorId, Instant promisedAt, Instant flaggedAt) implements DomainEvent {
        @Override public String aggregateId() { return repairOrderId; }
    }

    @EventType("forecourt.workshop.parts-line-added.v1")
    public record PartsLineAdded(String repairOrderId, String orderNumber, String lineId, String jobId, String partNumber,
                                 String description, int quantity, Money unitPrice, PayType payType, String reservationId,
                                 Instant addedAt) implements DomainEvent {
        @Override public String aggregateId() { return repairOrderId; }
    }

    @EventType("forecourt.workshop.parts-line-removed.v1")
    public record PartsLineRemoved(String repairOrderId, String orderNumber, String lineId, String partNumber, int quantity,
                                   String reservationId, String reason, Instant removedAt) implements DomainEvent {
        @Override public String aggregateId() { return repairOrderId; }
    }

    @EventType("forecourt.workshop.estimate-approved.v1")
    public record EstimateApproved(String repairOrderId, String orderNumber, String customerId, List<String> jobIds,
                                   List<String> partsLineIds, Money total, String approvedVia, String recordedBy,
                                   Instant approvedAt) implements DomainEvent {
        @Override public String aggregateId() { return repairOrderId; }
    }

    @EventType("forecourt.workshop.extra-work-proposed.v1")
    public record ExtraWorkProposed(String repairOrderId, String orderNumber, String customerId, String jobId,
                                    String labourOperationCode, String description, BigDecimal hours, PayType payType,
                                    Instant proposedAt) implements DomainEvent {
        @Override public String aggregateId() { return repairOrderId; }
    }

    @EventType("forecourt.workshop.extra-work-approved.v1")
    public record ExtraWorkApproved(String repairOrderId, String orderNumber, String customerId, List<String> jobIds,
                                    List<String> partsLineIds, Money total, String approvedVia, String recordedBy,
                                    Instant approvedAt) implements DomainEvent {
        @Override public String aggregateId() { return repairOrderId; }
    }

    @EventType("forecourt.workshop.extra-work-declined.v1")
    public record ExtraWorkDeclined(String repairOrderId, String orderNumber, String customerId, String jobId,
                                    String labourOperationCode, boolean extraWork, Instant declinedAt) implements DomainEvent {
        @Override public String aggregateId() { return repairOrderId; }
    }

    @EventType("forecourt.workshop.job-started.v1")
    public record JobStarted(String repairOrderId, String orderNumber, String jobId, String labourOperationCode,
                             String technicianId, String bayId, boolean resumed, Instant startedAt) implements DomainEvent {
        @Override public String aggregateId() { return repairOrderId; }
    }

    @EventType("forecourt.workshop.job-paused.v1")
    public record JobPaused(String repairOrderId, String orderNumber, String jobId, String labourOperationCode,
                            String technicianId, Instant pausedAt) implements DomainEvent {
        @Override public String aggregateId() { return repairOrderId; }
    }

    public record BillShareLine(PayType payer, Money labour, Money parts, Money otherCharges, Money discounts, Money net,
                                Money vat, Money gross) {
    }

    @EventType("forecourt.workshop.bill-issued.v1")
    public record BillIssued(String billId, String repairOrderId, String orderNumber, int revision, String customerId,
                             String customerPhone, BigDecimal vatRate, List<BillShareLine> shares, Money total,
                             Money customerDue, Instant issuedAt) implements DomainEvent {
        @Override public String aggregateId() { return repairOrderId; }
    }

    @EventType("forecourt.workshop.payment-recorded.v1")
    public record PaymentRecorded(String billId, String repairOrderId, String orderNumber, String customerId, String paymentId,
                                  PaymentMethod method, Money amount, Money paid, Money outstanding, String recordedBy,
                                  Instant recordedAt) implements DomainEvent {
        @Override public String aggregateId() { return repairOrderId; }
    }

    @EventType("forecourt.workshop.bill-settled.v1")
    public record BillSettled(String billId, String repairOrderId, String orderNumber, String customerId, Money customerDue,
                              Money paid, Instant settledAt) implements DomainEvent {
        @Override public String aggregateId() { return repairOrderId; }
    }
}
