package dev.forecourt.sales.orders;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
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
import dev.forecourt.platform.money.Money;
import dev.forecourt.platform.paging.Page;
import dev.forecourt.platform.paging.Paging;
import dev.forecourt.platform.security.Staff;
import dev.forecourt.sales.customers.Customer;
import dev.forecourt.sales.delivery.Handover;
import dev.forecourt.sales.delivery.OrderCancellation;
import dev.forecourt.sales.orders.OrderRecords.AddOn;
import dev.forecourt.sales.orders.OrderRecords.AddOnType;
import dev.forecourt.sales.orders.OrderRecords.PaymentKind;
import dev.forecourt.sales.orders.OrderRecords.PaymentMethod;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/sales-orders")
@Tag(name = "Sales orders", description = "Contracts: VIN reservation, discounts, add-ons, payments, delivery")
class SalesOrderController {

    record AddOnBody(@NotNull AddOnType type, @NotBlank @Size(max = 200) String description, @NotNull @Valid Money price) {
        AddOn toAddOn() {
            return new AddOn(type, description, price);
        }
    }

    record DraftOrder(@NotNull @Valid Customer customer, @NotBlank String vin, @Valid Money discount,
                      @Size(max = 500) String discountReason, @Size(max = 20) List<@Valid @NotNull AddOnBody> addOns, String leadId,
                      @Size(max = 60) String fleetAccountId) {
    }

    record RecordPayment(@NotNull PaymentKind kind, @NotNull PaymentMethod method, @NotNull @Valid Money amount, Long version) {
    }

    record Cancel(@Size(max = 500) String reason, Long version) {
    }

    record RecordRefund(@NotNull PaymentMethod method, @NotNull @Valid Money amount, @Size(max = 500) String note, Long version) {
    }

    record RecordInsurancePolicy(@NotBlank @Size(max = 100) String insurer, @Size(max = 60) String policyNumber,
                                 @NotNull @Valid Money premium, @NotNull LocalDate startsOn, @NotNull LocalDate expiresOn, Long version) {
    }

    record AddAccessory(@Size(max = 40) String partNumber, @NotBlank @Size(max = 200) String description,
                        @NotNull @Min(1) @Max(100) Integer quantity, @NotNull @Valid Money unitPrice, @NotNull @Valid Money unitCost,
                        Long version) {
    }

    record Checklist(@NotNull @PositiveOrZero @Max(10) Integer keysHandedOver, @Size(max = 30) List<@NotBlank @Size(max = 200) String> documents,
                     @Size(max = 30) List<@NotBlank @Size(max = 200) String> tools,
                     @Size(max = 30) List<@NotBlank @Size(max = 200) String> accessories,
                     @Size(max = 30) List<@NotBlank @Size(max = 200) String> featuresExplained) {
        OrderRecords.DeliveryChecklist toChecklist() {
            return new OrderRecords.DeliveryChecklist(keysHandedOver, documents, tools, accessories, featuresExplained);
        }
    }

    record Deliver(@NotNull @PositiveOrZero @Max(100_000) Integer odometerKm, LocalDate deliveryDate, @Valid Checklist checklist,
                   Long version) {
    }

    private static final String IF_MATCH = "If-Match";

    static ExpectedVersion expected(ExpectedVersion ifMatch, Long bodyVersion) {
        return ifMatch == null ? ExpectedVersion.of(bodyVersion) : ifMatch.or(bodyVersion);
    }

    static ExpectedVersion expected(ExpectedVersion ifMatch) {
        return ifMatch == null ? ExpectedVersion.ANY : ifMatch;
    }

    private final SalesOrders orders;
    private final Handover handover;
    private final OrderCancellation cancellation;

    SalesOrderController(SalesOrders orders, Handover handover, OrderCancellation cancellation) {
        this.orders = orders;
        this.handover = handover;
        this.cancellation = cancellation;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('sales-orders:write')")
    @Operation(summary = "Draft an order; a discount above the limit waits for the sales manager unless the caller may approve it",
            operationId = "draftSalesOrder")
    @ApiResponse(responseCode = "201", description = "Drafted",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SalesOrderView.class)))
    @ApiResponse(responseCode = "404", description = "The VIN, lead or fleet account is unknown; nothing is written",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
    ResponseEntity<SalesOrderView> draft(@Valid @RequestBody DraftOrder request, Actor actor) {
        List<AddOn> addOns = request.addOns() == null ? List.of() : request.addOns().stream().map(AddOnBody::toAddOn).toList();
        boolean approvesDiscounts = Staff.current().map(staff -> staff.may(SalesOrders.APPROVE_DISCOUNT)).orElse(false);
        SalesOrder order = orders.draft(request.leadId(), blankToNull(request.fleetAccountId()), request.customer(), request.vin(), request.discount(),
                request.discountReason(), addOns, actor, approvesDiscounts);
        return ResponseEntity.created(URI.create("/api/v1/sales-orders/" + order.getId())).body(SalesOrderView.of(order));
    }

    @PostMapping("/{id}/discount-approval")
    @PreAuthorize("hasAuthority('sales-orders:approve-discount')")
    @Operation(summary = "The sales manager approves a discount above the limit", operationId = "approveSalesOrderDiscount")
    SalesOrderView approveDiscount(@PathVariable String id, @RequestHeader(name = IF_MATCH, required = false) ExpectedVersion ifMatch,
                                   Actor actor) {
        return SalesOrderView.of(orders.approveDiscount(id, expected(ifMatch), actor));
    }

    @PostMapping("/{id}/confirm")
    @PreAuthorize("hasAuthority('sales-orders:write')")
    @Operation(summary = "Confirm the contract, reserving its VIN; 409 vin-already-reserved when another order holds it",
            operationId = "confirmSalesOrder")
    SalesOrderView confirm(@PathVariable String id, @RequestHeader(name = IF_MATCH, required = false) ExpectedVersion ifMatch,
                           Actor actor) {
        return SalesOrderView.of(orders.confirm(id, expected(ifMatch), actor));
    }

    @PostMapping("/{id}/payments")
    @PreAuthorize("hasAuthority('sales-orders:write')")
    @Operation(summary = "Record a deposit or payment; the one that settles the order sells the vehicle, which needs a passed PDI",
            operationId = "recordSalesOrderPayment")
    SalesOrderView pay(@PathVariable String id, @Valid @RequestBody RecordPayment request,
                       @RequestHeader(name = IF_MATCH, required = false) ExpectedVersion ifMatch, Actor actor) {
        return SalesOrderView.of(orders.recordPayment(id, expected(ifMatch, request.version()), request.kind(), request.method(),
                request.amount(), actor));
    }

    @PostMapping("/{id}/cancel")
    @PreAuthorize("hasAuthority('sales-orders:write')")
    @Operation(summary = "Cancel the order and release its vehicle; what was paid becomes the refund due; its scheduled delivery "
            + "appointment is cancelled with it (delivery-appointment-cancelled, cause SALES_ORDER_CANCELLED)", operationId = "cancelSalesOrder")
    SalesOrderView cancel(@PathVariable String id, @Valid @RequestBody Cancel request,
                          @RequestHeader(name = IF_MATCH, required = false) ExpectedVersion ifMatch, Actor actor) {
        return SalesOrderView.of(cancellation.cancel(id, expected(ifMatch, request.version()), request.reason(), actor));
    }

    @PostMapping("/{id}/refunds")
    @PreAuthorize("hasAuthority('sales-orders:refund')")
    @Operation(summary = "Record money paid back on a cancelled order (at most the refund due; 422 refund-exceeds-due)",
            operationId = "recordSalesOrderRefund")
    SalesOrderView refund(@PathVariable String id, @Valid @RequestBody RecordRefund request,
                          @RequestHeader(name = IF_MATCH, required = false) ExpectedVersion ifMatch, Actor actor) {
        return SalesOrderView.of(orders.recordRefund(id, expected(ifMatch, request.version()), request.method(), request.amount(),
                request.note(), actor));
    }

    @PostMapping("/{id}/insurance-policy")
    @PreAuthorize("hasAuthority('sales-orders:write')")
    @Operation(summary = "Record the car's insurance policy (insurer, premium, start, expiry) on a confirmed, paid or delivered order; "
            + "publishes insurance-policy-recorded, which CRM turns into a renewal call", operationId = "recordInsurancePolicy")
    SalesOrderView insurancePolicy(@PathVariable String id, @Valid @RequestBody RecordInsurancePolicy request,
                                   @RequestHeader(name = IF_MATCH, required = false) ExpectedVersion ifMatch, Actor actor) {
        return SalesOrderView.of(orders.recordInsurancePolicy(id, expected(ifMatch, request.version()), request.insurer(),
                request.policyNumber(), request.premium(), request.startsOn(), request.expiresOn(), actor));
    }

    @PostMapping("/{id}/accessories")
    @PreAuthorize("hasAuthority('sales-orders:write')")
    @Operation(summary = "Add accessories (精品) sold with the car, with their cost; the price adds to the order's total",
            operationId = "addSalesOrderAccessory")
    SalesOrderView accessory(@PathVariable String id, @Valid @RequestBody AddAccessory request,
                             @RequestHeader(name = IF_MATCH, required = false) ExpectedVersion ifMatch, Actor actor) {
        return SalesOrderView.of(orders.addAccessory(id, expected(ifMatch, request.version()), request.partNumber(), request.description(),
                request.quantity(), request.unitPrice(), request.unitCost(), actor));
    }

    @PostMapping("/{id}/delivery")
    @PreAuthorize("hasAuthority('sales-orders:deliver')")
    @Operation(summary = "Hand the vehicle over (交车) with the checklist of what the customer received: needs full payment and a passed "
            + "PDI; keeps (COMPLETED) the order's scheduled delivery appointment, named in VehicleDelivered, whatever time it was set for",
            operationId = "deliverSalesOrder")
    SalesOrderView deliver(@PathVariable String id, @Valid @RequestBody Deliver request,
                           @RequestHeader(name = IF_MATCH, required = false) ExpectedVersion ifMatch, Actor actor) {
        return SalesOrderView.of(handover.deliver(id, expected(ifMatch, request.version()), request.deliveryDate(), request.odometerKm(),
                request.checklist() == null ? null : request.checklist().toChecklist(), actor));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('sales-orders:read')")
    @Operation(summary = "A sales order with its totals and balance due; ETag is its version", operationId = "getSalesOrder")
    SalesOrderView get(@PathVariable String id) {
        return SalesOrderView.of(orders.get(id));
    }

    @GetMapping
    @PreAuthorize("hasAuthority('sales-orders:read')")
    @Operation(summary = "List sales orders, newest first", operationId = "listSalesOrders")
    Page<SalesOrderView> list(@RequestParam(required = false) SalesOrderStatus status, @RequestParam(required = false) String vin,
                              @RequestParam(required = false) String consultantId, @RequestParam(required = false) String fleetAccountId,
                              @Valid @ParameterObject Paging paging) {
        return orders.list(status, vin, consultantId, fleetAccountId, paging).map(SalesOrderView::of);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
