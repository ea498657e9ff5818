package dev.forecourt.crm.marketing;

import java.net.URI;
import java.time.LocalDate;

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
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.InvalidValue;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.paging.Page;
import dev.forecourt.platform.paging.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Tag(name = "Marketing lists", description = "Campaign invitation lists (store campaigns by criteria, the carmaker's service campaigns and "
        + "recalls) with the outcome of each invitation")
@RestController
@RequestMapping("/api/v1/marketing-lists")
class MarketingListController {

    private final MarketingLists lists;
    private final AggregateStore aggregates;

    MarketingListController(MarketingLists lists, AggregateStore aggregates) {
        this.lists = lists;
        this.aggregates = aggregates;
    }

    record NewList(@NotBlank @Size(max = 120) String name, LocalDate startsOn, LocalDate endsOn, @Valid ListCriteria criteria) {
    }

    record InvitationOutcome(@NotNull EntryOutcome outcome, @Size(max = 500) String note) {
    }

    @Operation(summary = "Marketing lists, newest first (without their entries)", operationId = "listMarketingLists")
    @GetMapping
    @PreAuthorize("hasAuthority('marketing-lists:read')")
    Page<MarketingListView> list(@RequestParam(required = false) ListKind kind,
                                 @RequestParam(required = false) @Size(max = 64) String campaignCode,
                                 @Valid @ParameterObject Paging paging) {
        return lists.list(kind, campaignCode, paging).map(MarketingListView::summary);
    }

    @Operation(summary = "One marketing list with its entries in calling order, club members first (ETag = its version)",
            operationId = "getMarketingList")
    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('marketing-lists:read')")
    MarketingListView get(@PathVariable String id) {
        return MarketingListView.of(lists.require(id));
    }

    @Operation(summary = "Build a store campaign's invitation list from criteria (models, last visit before/after, club members)",
            operationId = "createMarketingList")
    @PostMapping
    @PreAuthorize("hasAuthority('marketing-lists:write')")
    ResponseEntity<MarketingListView> create(@Valid @RequestBody NewList request, Actor actor) {
        if (request.startsOn() != null && request.endsOn() != null && request.endsOn().isBefore(request.startsOn())) {
            throw new InvalidValue("endsOn is before startsOn", new FieldProblem("endsOn", "must not be before startsOn"));
        }
        MarketingList list = lists.fromCriteria(request.name(), request.startsOn(), request.endsOn(), request.criteria(), actor);
        return ResponseEntity.created(URI.create("/api/v1/marketing-lists/" + list.getId())).body(MarketingListView.of(list));
    }

    @Operation(summary = "Record the outcome of an invitation: INVITED, ACCEPTED, DECLINED or NOT_REACHED",
            operationId = "recordMarketingListOutcome")
    @PostMapping("/{id}/entries/{entryNo}/outcome")
    @PreAuthorize("hasAuthority('marketing-lists:write')")
    MarketingListView recordOutcome(@PathVariable String id, @PathVariable @Min(1) int entryNo, @Valid @RequestBody InvitationOutcome request,
                                    @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch, Actor actor) {
        return MarketingListView.of(aggregates.change(MarketingList.class, id, ifMatch == null ? ExpectedVersion.ANY : ifMatch,
                l -> l.recordOutcome(entryNo, request.outcome(), request.note(), actor, lists.now())));
    }
}
