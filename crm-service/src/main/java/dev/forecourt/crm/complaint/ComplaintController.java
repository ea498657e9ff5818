package dev.forecourt.crm.complaint;

import java.net.URI;
import java.time.Instant;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.crm.customer.Customer;
import dev.forecourt.crm.customer.CustomerDirectory;
import dev.forecourt.crm.web.Actor;
import dev.forecourt.crm.web.PageOf;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Tag(name = "Complaints", description = "Intake, assignment, resolution, verification and closure of complaints")
@RestController
@RequestMapping("/api/v1/complaints")
@Validated
class ComplaintController {

    private final ComplaintBook book;
    private final CustomerDirectory customers;

    ComplaintController(ComplaintBook book, CustomerDirectory customers) {
        this.book = book;
        this.customers = customers;
    }

    record Intake(@NotBlank @Size(max = 64) String customerId, @NotBlank @Size(max = 40) String department,
                  @Size(max = 64) String staffId, @Size(max = 64) String repairOrderId, @Size(max = 64) String salesOrderId,
                  @NotBlank @Size(max = 500) String summary, @Size(max = 2000) String customerWords) {
    }

    record Assignment(@NotBlank @Size(max = 40) String department, @NotBlank @Size(max = 64) String ownerId,
                      @Size(max = 60) String ownerName, Instant dueAt) {
    }

    record Resolution(@NotBlank @Size(max = 1000) String resolution) {
    }

    record Closure(@NotBlank @Size(max = 500) String reason) {
    }

    @Operation(summary = "Complaints, earliest due first")
    @GetMapping
    @PreAuthorize("hasAuthority('complaints:read')")
    PageOf<Complaint> list(@RequestParam(required = false) ComplaintStatus status,
                           @RequestParam(required = false) @Size(max = 40) String department,
                           @RequestParam(required = false) @Size(max = 64) String customerId,
                           @RequestParam(required = false) Boolean escalated,
                           @RequestParam(defaultValue = "0") @Min(0) int page,
                           @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return book.list(new ComplaintBook.Filter(status, department, customerId, escalated), page, size);
    }

    @Operation(summary = "One complaint with its history")
    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('complaints:read')")
    Complaint get(@PathVariable String id) {
        return book.require(id);
    }

    @Operation(summary = "Log a complaint received by phone, in person or online")
    @PostMapping
    @PreAuthorize("hasAuthority('complaints:write')")
    ResponseEntity<Complaint> intake(@Valid @RequestBody Intake request) {
        Customer customer = customers.require(request.customerId());
        Complaint complaint = book.openNew(new Complaint.Details(ComplaintSource.INTAKE, customer.getId(), customer.getName(),
                customer.getPhone(), request.department(), request.staffId(), null, request.repairOrderId(),
                request.salesOrderId(), request.summary(), request.customerWords()), Actor.currentStaff());
        return ResponseEntity.created(URI.create("/api/v1/complaints/" + complaint.getId())).body(complaint);
    }

    @Operation(summary = "Give the complaint to a department and an owner, optionally with an agreed due date")
    @PostMapping("/{id}/assign")
    @PreAuthorize("hasAuthority('complaints:write')")
    Complaint assign(@PathVariable String id, @Valid @RequestBody Assignment request) {
        Actor actor = Actor.currentStaff();
        return book.change(id, c -> c.assign(request.department(), request.ownerId(), request.ownerName(), request.dueAt(),
                actor.id(), actor.name(), book.now()));
    }

    @Operation(summary = "Record the resolution; a verifying second callback is scheduled")
    @PostMapping("/{id}/resolve")
    @PreAuthorize("hasAuthority('complaints:resolve')")
    Complaint resolve(@PathVariable String id, @Valid @RequestBody Resolution request) {
        Actor actor = Actor.currentStaff();
        return book.change(id, c -> c.resolve(request.resolution(), actor.id(), actor.name(), book.now()));
    }

    @Operation(summary = "Close a resolved complaint without verification (e.g. the customer could not be reached)")
    @PostMapping("/{id}/close")
    @PreAuthorize("hasAuthority('complaints:resolve')")
    Complaint close(@PathVariable String id, @Valid @RequestBody Closure request) {
        Actor actor = Actor.currentStaff();
        return book.change(id, c -> c.close(request.reason(), actor.id(), actor.name(), book.now()));
    }
}
