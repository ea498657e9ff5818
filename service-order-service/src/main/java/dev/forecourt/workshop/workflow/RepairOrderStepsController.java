package dev.forecourt.workshop.workflow;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.platform.money.Money;
import dev.forecourt.platform.security.Staff;
import dev.forecourt.workshop.dispatch.Dispatcher;
import dev.forecourt.workshop.reception.JobInput;
import dev.forecourt.workshop.reception.PartsLineInput;
import dev.forecourt.workshop.reception.ReceptionDesk;
import dev.forecourt.workshop.repairorder.QualityFinding;
import dev.forecourt.workshop.repairorder.RepairOrder;
import dev.forecourt.workshop.repairorder.SelfCheck;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Business steps on a repair order; an illegal step answers 409 with {@code currentState} and changes nothing. */
@RestController
@RequestMapping("/api/v1/repair-orders/{id}")
@Tag(name = "Repair order steps", description = "Estimate, dispatch, technician work, quality check, handover, cancel")
class RepairOrderStepsController {

    record ApproveEstimate(@NotBlank @Size(max = 100) String approvedVia) {
    }

    record Dispatch(@NotBlank @Size(max = 64) String technicianId, @NotBlank @Size(max = 16) String bayId) {
    }

    record Finish(@NotNull Boolean selfCheckPassed, @Size(max = 1000) String selfCheckNotes) {
    }

    record Finding(@NotBlank @Size(max = 16) String jobId, @NotBlank @Size(max = 1000) String finding) {
    }

    record QualityCheck(@NotNull Boolean passed, @Size(max = 50) List<@Valid Finding> findings) {
    }

    record HandOver(@NotNull @Min(0) @Max(2_000_000) Integer odometerOutKm, @NotNull Boolean workExplained,
                    @NotNull Boolean billSettled, @Valid Money amountSettled) {
    }

    record Cancel(@NotBlank @Size(max = 500) String reason) {
    }

    private final RepairOrderWork work;
    private final Dispatcher dispatcher;

    RepairOrderStepsController(RepairOrderWork work, Dispatcher dispatcher) {
        this.work = work;
        this.dispatcher = dispatcher;
    }

    @PostMapping("/jobs")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('repair-orders:update')")
    @Operation(summary = "Add a job; after the first approval it is extra work and needs the customer's approval again")
    RepairOrder addJob(@PathVariable String id, @Valid @RequestBody JobInput job) {
        return work.addJob(id, job);
    }

    @PostMapping("/parts-lines")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('repair-orders:update')")
    RepairOrder addPartsLine(@PathVariable String id, @Valid @RequestBody PartsLineInput line) {
        return work.addPartsLine(id, line);
    }

    @PostMapping("/approve-estimate")
    @PreAuthorize("hasAuthority('repair-orders:update')")
    @Operation(summary = "Record the customer's approval of everything proposed")
    RepairOrder approveEstimate(@PathVariable String id, @Valid @RequestBody ApproveEstimate body) {
        return work.approveEstimate(id, body.approvedVia(), ReceptionDesk.currentEmployee());
    }

    @PostMapping("/jobs/{jobId}/decline")
    @PreAuthorize("hasAuthority('repair-orders:update')")
    RepairOrder decline(@PathVariable String id, @PathVariable String jobId) {
        return work.declineJob(id, jobId);
    }

    @PostMapping("/jobs/{jobId}/dispatch")
    @PreAuthorize("hasAuthority('repair-orders:dispatch')")
    @Operation(summary = "Assign a technician and a bay (409 when either is busy or the technician has left)")
    RepairOrder dispatch(@PathVariable String id, @PathVariable String jobId, @Valid @RequestBody Dispatch body) {
        return dispatcher.dispatch(id, jobId, body.technicianId(), body.bayId());
    }

    @PostMapping("/jobs/{jobId}/start")
    @PreAuthorize("hasAuthority('repair-orders:work')")
    RepairOrder start(@PathVariable String id, @PathVariable String jobId) {
        return work.start(id, jobId, Staff.require().employeeId());
    }

    @PostMapping("/jobs/{jobId}/pause")
    @PreAuthorize("hasAuthority('repair-orders:work')")
    RepairOrder pause(@PathVariable String id, @PathVariable String jobId) {
        return work.pause(id, jobId, Staff.require().employeeId());
    }

    @PostMapping("/jobs/{jobId}/finish")
    @PreAuthorize("hasAuthority('repair-orders:work')")
    @Operation(summary = "Finish with the technician's self-check (422 when it did not pass)")
    RepairOrder finish(@PathVariable String id, @PathVariable String jobId, @Valid @RequestBody Finish body) {
        return work.finish(id, jobId, Staff.require().employeeId(), new SelfCheck(body.selfCheckPassed(), body.selfCheckNotes()));
    }

    @PostMapping("/quality-check")
    @PreAuthorize("hasAuthority('repair-orders:quality-check')")
    @Operation(summary = "Pass the order, or fail it with findings that send those jobs back")
    RepairOrder qualityCheck(@PathVariable String id, @Valid @RequestBody QualityCheck body) {
        List<QualityFinding> findings = body.findings() == null ? List.of()
                : body.findings().stream().map(f -> new QualityFinding(f.jobId(), f.finding())).toList();
        return work.qualityCheck(id, body.passed(), findings, ReceptionDesk.currentEmployee());
    }

    @PostMapping("/handover")
    @PreAuthorize("hasAuthority('repair-orders:handover')")
    @Operation(summary = "Hand the car over (409 with currentState unless the quality check passed)")
    RepairOrder handOver(@PathVariable String id, @Valid @RequestBody HandOver body) {
        return work.handOver(id, body.odometerOutKm(), body.workExplained(), body.billSettled(), body.amountSettled(),
                ReceptionDesk.currentEmployee());
    }

    @PostMapping("/cancel")
    @PreAuthorize("hasAuthority('repair-orders:update')")
    @Operation(summary = "Cancel the order; parts-service releases its reservations on RepairOrderCancelled")
    RepairOrder cancel(@PathVariable String id, @Valid @RequestBody Cancel body) {
        return work.cancel(id, body.reason());
    }
}
