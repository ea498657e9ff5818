package dev.forecourt.sales.leads;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.platform.security.Staff;
import dev.forecourt.sales.common.Customer;
import dev.forecourt.sales.common.PageView;
import dev.forecourt.sales.leads.LeadRecords.Consultant;
import dev.forecourt.sales.leads.LeadRecords.ContactChannel;
import dev.forecourt.sales.leads.LeadRecords.Interest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/leads")
@Tag(name = "Leads", description = "Prospects from first contact to won or lost")
class LeadController {

    record InterestBody(@NotBlank @Size(max = 60) String model, @Size(max = 80) String trim, @Size(max = 500) String notes) {
        Interest toInterest() {
            return new Interest(model, trim, notes);
        }
    }

    record ConsultantBody(@NotBlank String id, @NotBlank String name) {
    }

    record OpenLead(@NotNull @Valid Customer customer, @NotNull LeadSource source, @NotNull @Valid InterestBody interest,
                    @Valid ConsultantBody consultant) {
    }

    record LogContact(@NotNull ContactChannel channel, @NotBlank @Size(max = 1000) String note) {
    }

    record Advance(@NotNull LeadStatus status) {
    }

    record Win(@Size(max = 80) String salesOrderId) {
    }

    /** The reason is checked by the domain (422 lost-reason-required), so a blank one is not a 400 here. */
    record Lose(@Size(max = 500) String reason) {
    }

    private final Leads leads;

    LeadController(Leads leads) {
        this.leads = leads;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('leads:write')")
    @Operation(summary = "Open a lead; assigned to the caller unless a consultant is named")
    ResponseEntity<LeadView> open(@Valid @RequestBody OpenLead request) {
        Staff caller = Staff.require();
        Consultant consultant = request.consultant() == null ? new Consultant(caller.employeeId(), caller.name())
                : new Consultant(request.consultant().id(), request.consultant().name());
        Lead lead = leads.open(request.customer(), request.source(), request.interest().toInterest(), consultant, caller);
        return ResponseEntity.created(URI.create("/api/v1/leads/" + lead.getId())).body(view(lead));
    }

    @PostMapping("/{id}/contacts")
    @PreAuthorize("hasAuthority('leads:write')")
    @Operation(summary = "Log a contact with the prospect")
    LeadView contact(@PathVariable String id, @Valid @RequestBody LogContact request) {
        return view(leads.logContact(id, request.channel(), request.note(), Staff.require()));
    }

    @PostMapping("/{id}/progress")
    @PreAuthorize("hasAuthority('leads:write')")
    @Operation(summary = "Move the lead forward: CONTACTED, TEST_DRIVEN, QUOTED, NEGOTIATING")
    LeadView advance(@PathVariable String id, @Valid @RequestBody Advance request) {
        return view(leads.advance(id, request.status(), Staff.require()));
    }

    @PostMapping("/{id}/won")
    @PreAuthorize("hasAuthority('leads:write')")
    @Operation(summary = "Close the lead as won (成交)")
    LeadView win(@PathVariable String id, @Valid @RequestBody(required = false) Win request) {
        return view(leads.win(id, request == null ? null : request.salesOrderId(), Staff.require()));
    }

    @PostMapping("/{id}/lost")
    @PreAuthorize("hasAuthority('leads:write')")
    @Operation(summary = "Close the lead as lost (战败) with its reason")
    LeadView lose(@PathVariable String id, @Valid @RequestBody Lose request) {
        return view(leads.lose(id, request.reason(), Staff.require()));
    }

    @PostMapping("/{id}/assignment")
    @PreAuthorize("hasAuthority('leads:write')")
    @Operation(summary = "Assign the lead to another consultant")
    LeadView assign(@PathVariable String id, @Valid @RequestBody ConsultantBody request) {
        return view(leads.assign(id, new Consultant(request.id(), request.name())));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('leads:read')")
    LeadView get(@PathVariable String id) {
        return view(leads.get(id));
    }

    @GetMapping
    @PreAuthorize("hasAuthority('leads:read')")
    @Operation(summary = "List leads, newest first; overdue=true lists those not contacted in time")
    PageView<LeadView> list(@RequestParam(required = false) LeadStatus status, @RequestParam(required = false) String consultantId,
                            @RequestParam(defaultValue = "false") boolean overdue,
                            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        PageView<Lead> found = leads.list(status, consultantId, overdue, page, size);
        return new PageView<>(found.items().stream().map(this::view).toList(), found.page(), found.size(), found.total());
    }

    private LeadView view(Lead lead) {
        return LeadView.of(lead, leads.contactOverdue(lead));
    }
}
