package dev.forecourt.parts.warranty;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.forecourt.platform.events.consume.HandlesEvent;

/** Keeps causal parts of warranty jobs for the OEM and ships them when a claim asks. */
@Component
class WarrantyEvents {

    /** Only what retaining the part needs; the workshop also sends the unit price (as Money), which is ignored. */
    record JobPart(String partNumber, String description, Integer quantity) {
    }

    /** The fields of the workshop's event that matter here. */
    record WarrantyJobCompleted(String repairOrderId, String orderNumber, String jobId, String vin, String causalPartNumber,
                                List<JobPart> parts) {
    }

    /** The fields of the claims event that matter here. */
    record CausalPartRequested(String claimId, String claimNumber, String repairOrderId, String vin, String partNumber) {
    }

    private final WarrantyParts warrantyParts;

    WarrantyEvents(WarrantyParts warrantyParts) {
        this.warrantyParts = warrantyParts;
    }

    /** Only the causal part is retained: that is the one the OEM may ask back. */
    @HandlesEvent("forecourt.workshop.warranty-job-completed.v1")
    void on(WarrantyJobCompleted job) {
        if (job.causalPartNumber() == null || job.causalPartNumber().isBlank()) {
            return;
        }
        JobPart causal = job.parts() == null ? null
                : job.parts().stream().filter(p -> job.causalPartNumber().equals(p.partNumber())).findFirst().orElse(null);
        int quantity = causal == null || causal.quantity() == null || causal.quantity() < 1 ? 1 : causal.quantity();
        warrantyParts.retainFromJob(new RetainedPartDetails(job.repairOrderId(), job.orderNumber(), job.jobId(), job.vin(),
                job.causalPartNumber(), causal == null ? null : causal.description(), quantity));
    }

    @HandlesEvent("forecourt.claims.causal-part-requested.v1")
    void on(CausalPartRequested request) {
        warrantyParts.shipRequested(request.claimId(), request.claimNumber(), request.repairOrderId(), request.partNumber());
    }
}
