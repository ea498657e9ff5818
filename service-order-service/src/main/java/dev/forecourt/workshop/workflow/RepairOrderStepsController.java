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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.workshop.dispatch.Dispatcher;
import dev.forecourt.workshop.reception.JobInput;
import dev.forecourt.workshop.reception.PartsLineInput;
import dev.forecourt.workshop.repairorder.QualityFinding;
import dev.forecourt.workshop.repairorder.RepairOrderView;
import dev.forecourt.workshop.repairorder.SelfCheck;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Business steps on a repair order; an illegal step answers 409 with {@code currentState} and changes
 * nothing. Every step accepts {@code If-Match} (the ETag of the order read): a stale one answers 409
 * {@code version-conflict}; without it a concurrent change is retried on the fresh order.
 */
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

    record HandOver(@NotNull @Min(0) @Max(2_000_000) Integer odometerOutKm, @NotNull Boolean workExplained) {
    }

    record Cancel(@NotBlank @Size(max = 500) String reason) {
    }

    record RemoveLine(@Size(max = 500) String reason) {
    }

    private final RepairOrderWork work;
    private final Dispatcher dispatcher;

    RepairOrderStepsController(RepairOrderWork work, Dispatcher dispatcher) {
        this.work = work;
        this.dispatcher = dispatcher;
    }

    private static ExpectedVersion expected(ExpectedVersion ifMatch) {
        return ifMatch == null ? ExpectedVersion.ANY : ifMatch;
    }

    @PostMapping("/jobs")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('repair-orders:update')")
    @Operation(operationId = "addJob", summary = "Add a job; after the first approval it is extra work and needs the customer's approval again")
    RepairOrderView addJob(@PathVariable String id, @Valid @RequestBody JobInput job,
                           @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch) {
        return RepairOrderView.of(work.addJob(id, job, expected(ifMatch)));
    }

    @PostMapping("/parts-lines")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('repair-orders:update')")
    @Operation(operationId = "addPartsLine", summary = "Add a parts line; parts-service reserves it and prices it at the catalogue retail price")
    RepairOrderView addPartsLine(@PathVariable String id, @Valid @RequestBody PartsLineInput line,
                                 @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch) {
        return RepairOrderView.of(work.addPartsLine(id, line, expected(ifMatch)));
    }

    @PostMapping("/parts-lines/{lineId}/remove")
    @PreAuthorize("hasAuthority('repair-orders:update')")
    @Operation(operationId = "removePartsLine", summary = "Remove a parts line none of which is on the car (409 parts-line-issued "
            + "otherwise); parts-service releases its reservation")
    RepairOrderView removePartsLine(@PathVariable String id, @PathVariable String lineId, @Valid @RequestBody(required = false) RemoveLine body,
                                    @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch) {
        return RepairOrderView.of(work.removePartsLine(id, lineId, body == null ? null : body.reason(), expected(ifMatch)));
    }

    @PostMapping("/approve-estimate")
    @PreAuthorize("hasAuthority('repair-orders:update')")
    @Operation(operationId = "approveEstimate", summary = "Record the customer's approval of everything proposed")
    RepairOrderView approveEstimate(@PathVariable String id, @Valid @RequestBody ApproveEstimate body, Actor actor,
                                    @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch) {
        return RepairOrderView.of(work.approveEstimate(id, body.approvedVia(), actor, expected(ifMatch)));
    }

    @PostMapping("/jobs/{jobId}/decline")
    @PreAuthorize("hasAuthority('repair-orders:update')")
    @Operation(operationId = "declineJob", summary = "The customer declines a proposed job")
    RepairOrderView decline(@PathVariable String id, @PathVariable String jobId,
                            @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch) {
        return RepairOrderView.of(work.declineJob(id, jobId, expected(ifMatch)));
    }

    @PostMapping("/jobs/{jobId}/dispatch")
    @PreAuthorize("hasAuthority('repair-orders:dispatch')")
    @Operation(operationId = "dispatchJob", summary = "Assign a technician and a bay (409 when either is busy or the technician has left); "
            + "a job whose technician left is dispatched again the same way")
    RepairOrderView dispatch(@PathVariable String id, @PathVariable String jobId, @Valid @RequestBody Dispatch body,
                             @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch) {
        return RepairOrderView.of(dispatcher.dispatch(id, jobId, body.technicianId(), body.bayId(), expected(ifMatch)));
    }

    @PostMapping("/jobs/{jobId}/start")
    @PreAuthorize("hasAuthority('repair-orders:work')")
    @Operation(operationId = "startJob", summary = "The assigned technician starts or resumes the job (403 for anyone else)")
    RepairOrderView start(@PathVariable String id, @PathVariable String jobId, Actor actor,
                          @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch) {
        return RepairOrderView.of(work.start(id, jobId, actor, expected(ifMatch)));
    }

    @PostMapping("/jobs/{jobId}/pause")
    @PreAuthorize("hasAuthority('repair-orders:work')")
    @Operation(operationId = "pauseJob", summary = "The assigned technician pauses the job")
    RepairOrderView pause(@PathVariable String id, @PathVariable String jobId, Actor actor,
                          @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch) {
        return RepairOrderView.of(work.pause(id, jobId, actor, expected(ifMatch)));
    }

    @PostMapping("/jobs/{jobId}/finish")
    @PreAuthorize("hasAuthority('repair-orders:work')")
    @Operation(operationId = "finishJob", summary = "Finish with the technician's self-check (422 when it did not pass)")
    RepairOrderView finish(@PathVariable String id, @PathVariable String jobId, @Valid @RequestBody Finish body, Actor actor,
                           @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch) {
        return RepairOrderView.of(work.finish(id, jobId, actor, new SelfCheck(body.selfCheckPassed(), body.selfCheckNotes()),
                expected(ifMatch)));
    }

    @PostMapping("/quality-check")
    @PreAuthorize("hasAuthority('repair-orders:quality-check')")
    @Operation(operationId = "qualityCheck", summary = "Pass the order (its bill is issued), or fail it with findings that send those jobs back")
    RepairOrderView qualityCheck(@PathVariable String id, @Valid @RequestBody QualityCheck body, Actor actor,
                                 @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch) {
        List<QualityFinding> findings = body.findings() == null ? List.of()
                : body.findings().stream().map(f -> new QualityFinding(f.jobId(), f.finding())).toList();
        return RepairOrderView.of(work.qualityCheck(id, body.passed(), findings, actor, expected(ifMatch)));
    }

    @PostMapping("/handover")
    @PreAuthorize("hasAuthority('repair-orders:handover')")
    @Operation(operationId = "handOver", summary = "Hand the car over: 409 with currentState unless the quality check passed, "
            + "409 parts-lines-open while reserved parts are neither issued nor released, 409 bill-unpaid until the customer's share is paid")
    RepairOrderView handOver(@PathVariable String id, @Valid @RequestBody HandOver body, Actor actor,
                             @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch) {
        return RepairOrderView.of(work.handOver(id, body.odometerOutKm(), body.workExplained(), actor, expected(ifMatch)));
    }

    @PostMapping("/cancel")
    @PreAuthorize("hasAuthority('repair-orders:update')")
    @Operation(operationId = "cancelRepairOrder", summary = "Cancel the order; parts-service releases its reservations on RepairOrderCancelled")
    RepairOrderView cancel(@PathVariable String id, @Valid @RequestBody Cancel body,
                           @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch) {
        return RepairOrderView.of(work.cancel(id, body.reason(), expected(ifMatch)));
    }
}
