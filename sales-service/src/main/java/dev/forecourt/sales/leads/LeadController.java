package dev.forecourt.sales.leads;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

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

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.paging.Page;
import dev.forecourt.platform.paging.Paging;
import dev.forecourt.sales.customers.Customer;
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

    /** Without intentGrade the lead keeps its grade (C when it has none); without nextContactAt the grade's rhythm plans it. */
    record LogContact(@NotNull ContactChannel channel, @NotBlank @Size(max = 1000) String note, IntentGrade intentGrade,
                      OffsetDateTime nextContactAt, Long version) {
    }

    record Advance(@NotNull LeadStatus status, Long version) {
    }

    record Win(@Size(max = 80) String salesOrderId, Long version) {
    }

    /** The reason is checked by the domain (422 lost-reason-required), so a blank one is not a 400 here. */
    record Lose(LostReason reasonCode, @Size(max = 500) String reason, Long version) {
    }

    record LostReasonView(LostReason code, String description) {
    }

    record Reassign(@NotBlank String id, @NotBlank String name, Long version) {
    }

    private static final String IF_MATCH = "If-Match";

    static ExpectedVersion expected(ExpectedVersion ifMatch, Long bodyVersion) {
        return ifMatch == null ? ExpectedVersion.of(bodyVersion) : ifMatch.or(bodyVersion);
    }

    private final Leads leads;

    LeadController(Leads leads) {
        this.leads = leads;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('leads:write')")
    @Operation(summary = "Open a lead; assigned to the caller unless a consultant is named", operationId = "openLead")
    ResponseEntity<LeadView> open(@Valid @RequestBody OpenLead request, Actor actor) {
        Consultant consultant = request.consultant() == null ? new Consultant(actor.id(), actor.displayName())
                : new Consultant(request.consultant().id(), request.consultant().name());
        Lead lead = leads.open(request.customer(), request.source(), request.interest().toInterest(), consultant, actor);
        return ResponseEntity.created(URI.create("/api/v1/leads/" + lead.getId())).body(view(lead));
    }

    @PostMapping("/{id}/contacts")
    @PreAuthorize("hasAuthority('leads:write')")
    @Operation(summary = "Log a contact with the prospect, the next contact planned and the intent grade (H/A/B/C)",
            operationId = "logLeadContact")
    LeadView contact(@PathVariable String id, @Valid @RequestBody LogContact request,
                     @RequestHeader(name = IF_MATCH, required = false) ExpectedVersion ifMatch, Actor actor) {
        return view(leads.logContact(id, expected(ifMatch, request.version()), request.channel(), request.note(), request.intentGrade(),
                request.nextContactAt() == null ? null : request.nextContactAt().toInstant(), actor));
    }

    @PostMapping("/{id}/progress")
    @PreAuthorize("hasAuthority('leads:write')")
    @Operation(summary = "Move the lead forward: CONTACTED, TEST_DRIVEN, QUOTED, NEGOTIATING", operationId = "advanceLead")
    LeadView advance(@PathVariable String id, @Valid @RequestBody Advance request,
                     @RequestHeader(name = IF_MATCH, required = false) ExpectedVersion ifMatch, Actor actor) {
        return view(leads.advance(id, expected(ifMatch, request.version()), request.status(), actor));
    }

    @PostMapping("/{id}/won")
    @PreAuthorize("hasAuthority('leads:write')")
    @Operation(summary = "Close the lead as won (成交)", operationId = "winLead")
    LeadView win(@PathVariable String id, @Valid @RequestBody(required = false) Win request,
                 @RequestHeader(name = IF_MATCH, required = false) ExpectedVersion ifMatch, Actor actor) {
        return view(leads.win(id, expected(ifMatch, request == null ? null : request.version()),
                request == null ? null : request.salesOrderId(), actor));
    }

    @PostMapping("/{id}/lost")
    @PreAuthorize("hasAuthority('leads:write')")
    @Operation(summary = "Close the lead as lost (战败): a reason from the catalogue (reasonCode, default OTHER) and the consultant's words",
            operationId = "loseLead")
    LeadView lose(@PathVariable String id, @Valid @RequestBody Lose request,
                  @RequestHeader(name = IF_MATCH, required = false) ExpectedVersion ifMatch, Actor actor) {
        return view(leads.lose(id, expected(ifMatch, request.version()), request.reasonCode(), request.reason(), actor));
    }

    @PostMapping("/{id}/assignment")
    @PreAuthorize("hasAuthority('leads:write')")
    @Operation(summary = "Assign the lead to another consultant", operationId = "reassignLead")
    LeadView assign(@PathVariable String id, @Valid @RequestBody Reassign request,
                    @RequestHeader(name = IF_MATCH, required = false) ExpectedVersion ifMatch, Actor actor) {
        return view(leads.assign(id, expected(ifMatch, request.version()), new Consultant(request.id(), request.name()), actor));
    }

    @GetMapping("/follow-ups/today")
    @PreAuthorize("hasAuthority('leads:read')")
    @Operation(summary = "A consultant's follow-ups for today: overdue and due next contacts (default: the caller's)",
            operationId = "todaysFollowUps")
    Leads.FollowUps followUpsToday(@RequestParam(required = false) String consultantId, Actor actor) {
        return leads.followUpsOf(consultantId == null || consultantId.isBlank() ? actor.id() : consultantId);
    }

    @GetMapping("/follow-ups/overdue")
    @PreAuthorize("hasAuthority('leads:supervise')")
    @Operation(summary = "The showroom supervisor's view: overdue follow-ups per consultant", operationId = "overdueFollowUps")
    List<Leads.OverdueFollowUps> overdueFollowUps() {
        return leads.overdueByConsultant();
    }

    @GetMapping("/lost-reasons")
    @PreAuthorize("hasAuthority('leads:read')")
    @Operation(summary = "The catalogue of lost reasons (战败原因)", operationId = "lostReasons")
    List<LostReasonView> lostReasons() {
        return Arrays.stream(LostReason.values()).map(r -> new LostReasonView(r, r.description())).toList();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('leads:read')")
    @Operation(summary = "A lead with its contacts and history; ETag is its version", operationId = "getLead")
    LeadView get(@PathVariable String id) {
        return view(leads.get(id));
    }

    @GetMapping
    @PreAuthorize("hasAuthority('leads:read')")
    @Operation(summary = "List leads, newest first; overdue=true lists those not contacted in time", operationId = "listLeads")
    Page<LeadView> list(@RequestParam(required = false) LeadStatus status, @RequestParam(required = false) String consultantId,
                        @RequestParam(defaultValue = "false") boolean overdue, @Valid @ParameterObject Paging paging) {
        return leads.list(status, consultantId, overdue, paging).map(this::view);
    }

    private LeadView view(Lead lead) {
        return LeadView.of(lead, leads.contactOverdue(lead), leads.expectedPurchaseBy(lead));
    }
}
