package dev.forecourt.workshop.repairorder;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.money.Money;
import dev.forecourt.platform.web.Versioned;

/**
 * A repair order as the API shows it (answered with {@code ETag: "<version>"}). Staff appear as
 * {@code {employeeId, name}}; {@code partsNotice} is the sentence the advisor reads to the customer
 * while parts could not be reserved yet; {@code partsArrived} says that goods a waiting line waited for
 * arrived and are reserved for the order (the advisor tells the customer) until they are issued.
 */
public record RepairOrderView(String id, String orderNumber, String storeId, RepairOrderStatus status, Vehicle vehicle,
                              Customer customer, StaffView advisor, int odometerInKm, String complaint, WalkAround walkAround,
                              Instant promisedAt, String appointmentId, String reworkOf, List<CampaignFlagView> openCampaigns,
                              Money labourRate, List<JobView> jobs,
                              List<PartsLineView> partsLines, List<ApprovalView> approvals, List<ChargeView> otherCharges,
                              boolean partsPending, String partsNotice, boolean partsArrived, Estimate estimate, BillSummary bill,
                              Instant openedAt,
                              Instant qualityPassedAt, Instant lateFlaggedAt, boolean late, HandoverView handover,
                              Instant cancelledAt, String cancelReason, Long version) implements Versioned {

    /** Said to the customer while some parts wait for parts-service. */
    public static final String PENDING_PARTS_NOTICE = "Some parts could not be reserved yet because the parts system is "
            + "unavailable; they will be reserved automatically as soon as it is back. Your order is saved.";

    public record StaffView(String employeeId, String name) {
        public static StaffView of(Actor actor) {
            return actor == null ? null : new StaffView(actor.id(), actor.displayName());
        }
    }

    /**
     * An open recall or service campaign the car was flagged for at reception; {@code jobId} is the
     * order's campaign job for it (null until the advisor adds one).
     */
    public record CampaignFlagView(String campaignCode, String title, String kind, List<String> labourOperations, String jobId) {
    }

    public record JobView(String id, LabourOperation operation, BigDecimal hours, PayType payType, String requiredSkill,
                          WarrantyDetails warranty, String campaignCode, boolean extraWork, JobStatus status, StaffView technician, String bayId,
                          Instant dispatchedAt, Instant startedAt, Instant finishedAt, SelfCheck selfCheck,
                          List<String> qualityFindings, List<String> formerTechnicianIds) {
        static JobView of(Job j) {
            return new JobView(j.getId(), j.getOperation(), j.getHours(), j.getPayType(), j.getRequiredSkill(), j.getWarranty(),
                    j.getCampaignCode(), j.isExtraWork(), j.getStatus(), StaffView.of(j.getTechnician()), j.getBayId(), j.getDispatchedAt(),
                    j.getStartedAt(), j.getFinishedAt(), j.getSelfCheck(), j.getQualityFindings(), j.getFormerTechnicianIds());
        }
    }

    public record PartsLineView(String id, String jobId, String partNumber, String description, int quantity, Money unitPrice,
                                PayType payType, boolean approved, boolean extraWork, ReservationStatus reservation,
                                String reservationId, Integer available, String rejection, int issuedQuantity,
                                int returnedQuantity, boolean open, boolean removed, String purchaseOrderNumber,
                                java.time.LocalDate expectedArrival, Instant partsArrivedAt) {
        static PartsLineView of(PartsLine l) {
            return new PartsLineView(l.getId(), l.getJobId(), l.getPartNumber(), l.getDescription(), l.getQuantity(),
                    l.getUnitPrice(), l.getPayType(), l.isApproved(), l.isExtraWork(), l.getReservation(), l.getReservationId(),
                    l.getAvailable(), l.getRejection(), l.getIssuedQuantity(), l.getReturnedQuantity(), l.isOpen(), l.isRemoved(),
                    l.getPurchaseOrderNumber(), l.getExpectedArrival(), l.getPartsArrivedAt());
        }
    }

    public record ApprovalView(List<String> jobIds, List<String> partsLineIds, Money total, String approvedVia,
                               StaffView recordedBy, Instant approvedAt) {
        static ApprovalView of(EstimateApproval a) {
            return new ApprovalView(a.jobIds(), a.partsLineIds(), a.total(), a.approvedVia(), StaffView.of(a.recordedBy()), a.approvedAt());
        }
    }

    public record ChargeView(String id, String description, Money amount, PayType payer, boolean discount, StaffView approvedBy) {
        static ChargeView of(OtherCharge c) {
            return new ChargeView(c.id(), c.description(), c.amount(), c.payer(), c.discount(), StaffView.of(c.approvedBy()));
        }
    }

    public record BillSummary(String billId, int revision, Money total, Money customerDue, Money paid, Money outstanding,
                              boolean settled) {
    }

    public record HandoverView(int odometerOutKm, boolean workExplained, Money amountSettled, StaffView handedOverBy,
                               Instant handedOverAt) {
    }

    public static RepairOrderView of(RepairOrder o) {
        Bill bill = o.getBill();
        Handover h = o.getHandover();
        return new RepairOrderView(o.getId(), o.getOrderNumber(), o.getStoreId(), o.getStatus(), o.getVehicle(), o.getCustomer(),
                StaffView.of(o.getAdvisor()), o.getOdometerInKm(), o.getComplaint(), o.getWalkAround(), o.getPromisedAt(),
                o.getAppointmentId(), o.getReworkOf(), o.getOpenCampaigns().stream().map(f -> new CampaignFlagView(f.campaignCode(),
                        f.title(), f.kind(), f.labourOperations(), o.getJobs().stream().filter(j -> j.getStatus().counts()
                                && f.campaignCode().equals(j.getCampaignCode())).map(Job::getId).findFirst().orElse(null))).toList(),
                o.tariff().rateOf(PayType.CUSTOMER),
                o.getJobs().stream().map(JobView::of).toList(), o.getPartsLines().stream().map(PartsLineView::of).toList(),
                o.getApprovals().stream().map(ApprovalView::of).toList(), o.getOtherCharges().stream().map(ChargeView::of).toList(),
                o.isPartsPending(), o.isPartsPending() && !o.getStatus().isFinal() ? PENDING_PARTS_NOTICE : null,
                o.hasArrivedParts(), o.getEstimate(),
                bill == null ? null : new BillSummary(bill.billId(), bill.revision(), bill.total(), bill.customerDue(), o.paid(),
                        o.outstanding(), bill.settledAt() != null),
                o.getOpenedAt(), o.getQualityPassedAt(), o.getLateFlaggedAt(), o.isLate(),
                h == null ? null : new HandoverView(h.odometerOutKm(), h.workExplained(), h.amountSettled(),
                        StaffView.of(h.handedOverBy()), h.handedOverAt()),
                o.getCancelledAt(), o.getCancelReason(), o.getVersion());
    }
}
