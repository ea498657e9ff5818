package dev.forecourt.crm.complaint;

import java.net.URI;
import java.time.Instant;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.crm.customer.Customer;
import dev.forecourt.crm.customer.Customers;
import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.paging.Page;
import dev.forecourt.platform.paging.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Tag(name = "Complaints", description = "Intake, assignment, resolution, verification and closure of complaints")
@RestController
@RequestMapping("/api/v1/complaints")
class ComplaintController {

    private final Complaints complaints;
    private final Customers customers;
    private final AggregateStore aggregates;

    ComplaintController(Complaints complaints, Customers customers, AggregateStore aggregates) {
        this.complaints = complaints;
        this.customers = customers;
        this.aggregates = aggregates;
    }

    /** @param severity MAJOR or NORMAL; left out, NORMAL */
    record Intake(@NotBlank @Size(max = 64) String customerId, @NotBlank @Size(max = 40) String department,
                  ComplaintSeverity severity,
                  @Size(max = 64) String staffId, @Size(max = 64) String repairOrderId, @Size(max = 64) String salesOrderId,
                  @NotBlank @Size(max = 500) String summary, @Size(max = 2000) String customerWords) {
    }

    record ComplaintAssignment(@NotBlank @Size(max = 40) String department, @NotBlank @Size(max = 64) String ownerId,
                      @Size(max = 60) String ownerName, Instant dueAt) {
    }

    record Resolution(@NotBlank @Size(max = 1000) String resolution) {
    }

    record Closure(@NotBlank @Size(max = 500) String reason) {
    }

    record Classification(@NotNull ComplaintSeverity severity, @NotBlank @Size(max = 500) String reason) {
    }

    @Operation(summary = "Complaints, earliest due first", operationId = "listComplaints")
    @GetMapping
    @PreAuthorize("hasAuthority('complaints:read')")
    Page<ComplaintView> list(@RequestParam(required = false) ComplaintStatus status,
                             @RequestParam(required = false) ComplaintSeverity severity,
                             @RequestParam(required = false) @Size(max = 40) String department,
                             @RequestParam(required = false) @Size(max = 64) String customerId,
                             @RequestParam(required = false) Boolean escalated,
                             @Valid @ParameterObject Paging paging) {
        return complaints.list(new Complaints.Filter(status, severity, department, customerId, escalated), paging).map(ComplaintView::of);
    }

    @Operation(summary = "One complaint with its history (ETag = its version)", operationId = "getComplaint")
    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('complaints:read')")
    ComplaintView get(@PathVariable String id) {
        return ComplaintView.of(complaints.require(id));
    }

    @Operation(summary = "Log a complaint received by phone, in person or online", operationId = "logComplaint")
    @PostMapping
    @PreAuthorize("hasAuthority('complaints:write')")
    ResponseEntity<ComplaintView> intake(@Valid @RequestBody Intake request, Actor actor) {
        Customer customer = customers.require(request.customerId());
        Complaint complaint = complaints.openNew(new Complaint.Details(ComplaintSource.INTAKE, request.severity(), customer.getId(), customer.getName(),
                customer.getPhone(), request.department(), request.staffId(), null, request.repairOrderId(),
                request.salesOrderId(), request.summary(), request.customerWords()), actor);
        return ResponseEntity.created(URI.create("/api/v1/complaints/" + complaint.getId())).body(ComplaintView.of(complaint));
    }

    @Operation(summary = "Give the complaint to a department and an owner, optionally with an agreed due date",
            operationId = "assignComplaint")
    @PostMapping("/{id}/assign")
    @PreAuthorize("hasAuthority('complaints:write')")
    ComplaintView assign(@PathVariable String id, @Valid @RequestBody ComplaintAssignment request,
                         @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch, Actor actor) {
        return ComplaintView.of(aggregates.change(Complaint.class, id, orAny(ifMatch), c -> c.assign(request.department(),
                request.ownerId(), request.ownerName(), request.dueAt(), actor, complaints.now())));
    }

    @Operation(summary = "Classify the complaint as major or normal (major complaints count for the complaint rate)",
            operationId = "classifyComplaint")
    @PostMapping("/{id}/severity")
    @PreAuthorize("hasAuthority('complaints:resolve')")
    ComplaintView classify(@PathVariable String id, @Valid @RequestBody Classification request,
                           @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch, Actor actor) {
        return ComplaintView.of(aggregates.change(Complaint.class, id, orAny(ifMatch),
                c -> c.classify(request.severity(), request.reason(), actor, complaints.now())));
    }

    @Operation(summary = "Record the resolution; a verifying second callback is scheduled", operationId = "resolveComplaint")
    @PostMapping("/{id}/resolve")
    @PreAuthorize("hasAuthority('complaints:resolve')")
    ComplaintView resolve(@PathVariable String id, @Valid @RequestBody Resolution request,
                          @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch, Actor actor) {
        return ComplaintView.of(aggregates.change(Complaint.class, id, orAny(ifMatch),
                c -> c.resolve(request.resolution(), actor, complaints.now())));
    }

    @Operation(summary = "Close a resolved complaint without verification (e.g. the customer could not be reached)",
            operationId = "closeComplaint")
    @PostMapping("/{id}/close")
    @PreAuthorize("hasAuthority('complaints:resolve')")
    ComplaintView close(@PathVariable String id, @Valid @RequestBody Closure request,
                        @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch, Actor actor) {
        return ComplaintView.of(aggregates.change(Complaint.class, id, orAny(ifMatch),
                c -> c.close(request.reason(), actor, complaints.now())));
    }

    private static ExpectedVersion orAny(ExpectedVersion ifMatch) {
        return ifMatch == null ? ExpectedVersion.ANY : ifMatch;
    }
}
