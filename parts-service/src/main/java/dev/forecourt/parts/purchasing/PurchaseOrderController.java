package dev.forecourt.parts.purchasing;

import io.swagger.v3.oas.annotations.media.Schema;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.ProblemException;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.paging.Page;
import dev.forecourt.platform.paging.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/v1/purchase-orders")
@Tag(name = "Purchasing", description = "Purchase orders (订货单): drafted, approved, sent, confirmed, received against")
class PurchaseOrderController {

    @Schema(name = "PurchaseOrderLineRequest")
    record Line(@NotBlank @Size(max = 20) String partNumber, @NotNull @Positive @Max(100_000) Integer quantity) {
    }

    record DraftRequest(@NotBlank @Size(max = 20) String supplierId, @NotEmpty @Size(max = 200) List<@Valid @NotNull Line> lines) {
    }

    record FromSuggestionsRequest(@NotBlank @Size(max = 20) String supplierId, @Min(7) @Max(365) Integer usageDays,
                                  @Min(0) @Max(90) Integer leadTimeDays) {
    }

    record LinesRequest(@NotEmpty @Size(max = 200) List<@Valid @NotNull Line> lines) {
    }

    record ConfirmedLine(@NotNull @Positive Integer lineNo, @NotNull @PositiveOrZero Integer confirmed, LocalDate expectedArrival) {
    }

    record ConfirmationRequest(@NotEmpty @Size(max = 200) List<@Valid @NotNull ConfirmedLine> lines, @Size(max = 64) String supplierReference) {
    }

    record CancelLineRequest(@NotBlank @Size(max = 200) String reason) {
    }

    private final Purchasing purchasing;
    private final PurchaseOrders orders;

    PurchaseOrderController(Purchasing purchasing, PurchaseOrders orders) {
        this.purchasing = purchasing;
        this.orders = orders;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('purchase-orders:write')")
    @Operation(summary = "Draft a purchase order by hand (lines priced from the catalogue; PO<year><6 digits>)", operationId = "draftPurchaseOrder")
    ResponseEntity<PurchaseOrderView> draft(@Valid @RequestBody DraftRequest request, Actor actor) {
        return created(purchasing.draft(request.supplierId(), lines(request.lines()), actor));
    }

    @PostMapping("/from-suggestions")
    @PreAuthorize("hasAuthority('purchase-orders:write')")
    @Operation(summary = "Draft a purchase order from the replenishment suggestions", operationId = "draftPurchaseOrderFromSuggestions")
    ResponseEntity<PurchaseOrderView> fromSuggestions(@Valid @RequestBody FromSuggestionsRequest request, Actor actor) {
        return created(purchasing.draftFromSuggestions(request.supplierId(), request.usageDays() == null ? 90 : request.usageDays(),
                request.leadTimeDays() == null ? 7 : request.leadTimeDays(), actor));
    }

    @PutMapping("/{reference}/lines")
    @PreAuthorize("hasAuthority('purchase-orders:write')")
    @Operation(summary = "Replace the lines of a draft", operationId = "editPurchaseOrderLines")
    PurchaseOrderView edit(@PathVariable String reference, @Valid @RequestBody LinesRequest request,
                           @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch) {
        return PurchaseOrderView.of(purchasing.editLines(reference, lines(request.lines()), orAny(ifMatch)));
    }

    @PostMapping("/{reference}/submit")
    @PreAuthorize("hasAuthority('purchase-orders:write')")
    @Operation(summary = "Submit a draft: approved at once up to the approval value, else awaiting the parts manager",
            operationId = "submitPurchaseOrder")
    PurchaseOrderView submit(@PathVariable String reference, @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch,
                             Actor actor) {
        return PurchaseOrderView.of(purchasing.submit(reference, orAny(ifMatch), actor));
    }

    @PostMapping("/{reference}/approve")
    @PreAuthorize("hasAuthority('purchase-orders:approve')")
    @Operation(summary = "The parts manager approves an order above the approval value", operationId = "approvePurchaseOrder")
    PurchaseOrderView approve(@PathVariable String reference, @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch,
                              Actor actor) {
        return PurchaseOrderView.of(purchasing.approve(reference, orAny(ifMatch), actor));
    }

    @PostMapping("/{reference}/send")
    @PreAuthorize("hasAuthority('purchase-orders:write')")
    @Operation(summary = "Send an approved order: to the OEM parts centre's system (confirmed at once) or marked sent to a local supplier",
            operationId = "sendPurchaseOrder")
    PurchaseOrderView send(@PathVariable String reference, @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch,
                           Actor actor) {
        try {
            return PurchaseOrderView.of(purchasing.send(reference, orAny(ifMatch), actor));
        } catch (OemPartsOrdering.Unavailable e) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "oem-parts-centre-unavailable", "OEM parts centre unavailable",
                    e.getMessage() + "; the order stays APPROVED, send it again later");
        }
    }

    @PostMapping("/{reference}/confirmation")
    @PreAuthorize("hasAuthority('purchase-orders:write')")
    @Operation(summary = "Record the supplier's confirmation: quantities (the rest back-ordered) and arrival dates",
            operationId = "confirmPurchaseOrder")
    PurchaseOrderView confirm(@PathVariable String reference, @Valid @RequestBody ConfirmationRequest request,
                              @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch) {
        return PurchaseOrderView.of(purchasing.confirm(reference, request.lines().stream()
                .map(l -> new PurchaseOrder.Confirmation(l.lineNo(), l.confirmed(), l.expectedArrival())).toList(),
                request.supplierReference(), orAny(ifMatch)));
    }

    @PostMapping("/{reference}/lines/{lineNo}/cancel")
    @PreAuthorize("hasAuthority('purchase-orders:write')")
    @Operation(summary = "Cancel what is still to come of a line", operationId = "cancelPurchaseOrderLine")
    PurchaseOrderView cancelLine(@PathVariable String reference, @PathVariable int lineNo, @Valid @RequestBody CancelLineRequest request,
                                 @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch, Actor actor) {
        return PurchaseOrderView.of(purchasing.cancelLine(reference, lineNo, request.reason(), orAny(ifMatch), actor));
    }

    @PostMapping("/{reference}/cancel")
    @PreAuthorize("hasAuthority('purchase-orders:write')")
    @Operation(summary = "Cancel an order not yet sent", operationId = "cancelPurchaseOrder")
    PurchaseOrderView cancel(@PathVariable String reference, @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch,
                             Actor actor) {
        return PurchaseOrderView.of(purchasing.cancel(reference, orAny(ifMatch), actor));
    }

    @GetMapping("/{reference}")
    @PreAuthorize("hasAuthority('purchase-orders:read')")
    @Operation(summary = "One purchase order, by id or number", operationId = "getPurchaseOrder")
    PurchaseOrderView get(@PathVariable String reference) {
        return PurchaseOrderView.of(orders.require(reference));
    }

    @GetMapping
    @PreAuthorize("hasAuthority('purchase-orders:read')")
    @Operation(summary = "Purchase orders, latest first", operationId = "listPurchaseOrders")
    Page<PurchaseOrderView> list(@RequestParam(required = false) PurchaseOrderStatus status, @RequestParam(required = false) String supplierId,
                                 @Valid @ParameterObject Paging paging) {
        return orders.list(status, supplierId, paging).map(PurchaseOrderView::of);
    }

    private static ResponseEntity<PurchaseOrderView> created(PurchaseOrder order) {
        return ResponseEntity.created(URI.create("/api/v1/purchase-orders/" + order.getId())).body(PurchaseOrderView.of(order));
    }

    private static List<Purchasing.OrderLine> lines(List<Line> lines) {
        return lines.stream().map(l -> new Purchasing.OrderLine(l.partNumber(), l.quantity())).toList();
    }

    private static ExpectedVersion orAny(ExpectedVersion ifMatch) {
        return ifMatch == null ? ExpectedVersion.ANY : ifMatch;
    }
}
