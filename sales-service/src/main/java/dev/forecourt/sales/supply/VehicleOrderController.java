package dev.forecourt.sales.supply;

import java.net.URI;
import java.time.YearMonth;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

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
import dev.forecourt.sales.supply.SupplyViews.SupplyPlanView;
import dev.forecourt.sales.supply.SupplyViews.VehicleOrderView;
import dev.forecourt.sales.supply.VehicleOrderEvents.ColourLine;
import dev.forecourt.sales.supply.VehicleOrderEvents.ForecastLine;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/vehicle-orders")
@Tag(name = "Vehicle supply", description = "Vehicle orders to the OEM (CALL车/订单), allocations and dispatches, N+1/N+2 forecasts and colours")
class VehicleOrderController {

    record CallOffLine(@NotBlank @Size(max = 60) String model, @Size(max = 80) String trim, @NotBlank @Size(max = 40) String colour,
                     @NotNull @Min(1) @Max(50) Integer quantity) {
    }

    record DraftCallOff(@NotEmpty @Size(max = VehicleOrder.MAX_LINES) List<@Valid @NotNull CallOffLine> lines, @Size(max = 500) String note) {
    }

    record CancelVehicleOrder(@NotBlank @Size(max = 500) String reason, Long version) {
    }

    record ForecastBody(@NotBlank @Size(max = 60) String model, @Size(max = 80) String trim, @NotNull @PositiveOrZero @Max(1000) Integer quantity) {
    }

    record SupplyForecast(@NotEmpty @Size(max = 50) List<@Valid @NotNull ForecastBody> lines, Long version) {
    }

    record ColourBody(@NotBlank @Size(max = 60) String model, @Size(max = 80) String trim, @NotBlank @Size(max = 40) String colour,
                      @NotNull @PositiveOrZero @Max(1000) Integer quantity) {
    }

    record SupplyColours(@NotEmpty @Size(max = VehicleOrder.MAX_LINES) List<@Valid @NotNull ColourBody> lines, Long version) {
    }

    record OrderPlan(@Size(max = 500) String note) {
    }

    private static final String IF_MATCH = "If-Match";

    private final VehicleOrders orders;
    private final SupplyPlans plans;

    VehicleOrderController(VehicleOrders orders, SupplyPlans plans) {
        this.orders = orders;
        this.plans = plans;
    }

    static ExpectedVersion expected(ExpectedVersion ifMatch, Long bodyVersion) {
        return ifMatch == null ? ExpectedVersion.of(bodyVersion) : ifMatch.or(bodyVersion);
    }

    static ExpectedVersion expected(ExpectedVersion ifMatch) {
        return ifMatch == null ? ExpectedVersion.ANY : ifMatch;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('vehicle-orders:write')")
    @Operation(summary = "Draft a call-off (CALL车) of cars for this month; the sales manager approves it before it is sent",
            operationId = "draftVehicleOrder")
    ResponseEntity<VehicleOrderView> draft(@Valid @RequestBody DraftCallOff r, Actor actor) {
        VehicleOrder order = orders.draftCallOff(r.lines().stream()
                .map(l -> new VehicleOrder.VehicleOrderLine(0, l.model(), blankToNull(l.trim()), l.colour(), l.quantity())).toList(), r.note(), actor);
        return ResponseEntity.created(URI.create("/api/v1/vehicle-orders/" + order.getId())).body(VehicleOrderView.of(order));
    }

    @PostMapping("/{reference}/approve")
    @PreAuthorize("hasAuthority('vehicle-orders:approve')")
    @Operation(summary = "The sales manager approves a drafted vehicle order", operationId = "approveVehicleOrder")
    VehicleOrderView approve(@PathVariable String reference, @RequestHeader(name = IF_MATCH, required = false) ExpectedVersion ifMatch,
                             Actor actor) {
        return VehicleOrderView.of(orders.approve(reference, expected(ifMatch), actor));
    }

    @PostMapping("/{reference}/send")
    @PreAuthorize("hasAuthority('vehicle-orders:write')")
    @Operation(summary = "Send an approved order to the OEM: answered with the allocation (VINs, model, colour, prices); cars already "
            + "dispatched are registered in stock as in transit; 503 oem-unavailable leaves it APPROVED", operationId = "sendVehicleOrder")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "503", description = "The OEM cannot be reached (oem-unavailable); nothing changed",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
    VehicleOrderView send(@PathVariable String reference, @RequestHeader(name = IF_MATCH, required = false) ExpectedVersion ifMatch,
                          Actor actor) {
        try {
            return VehicleOrderView.of(orders.send(reference, expected(ifMatch), actor));
        } catch (OemVehicleDistribution.Unavailable e) {
            throw unavailable(e, "the order stays APPROVED, send it again later");
        }
    }

    @PostMapping("/{reference}/dispatches")
    @PreAuthorize("hasAuthority('vehicle-orders:write')")
    @Operation(summary = "Ask the OEM which allocated cars were dispatched; each is registered in stock as in transit",
            operationId = "checkVehicleOrderDispatches")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "503", description = "The OEM cannot be reached (oem-unavailable); nothing changed",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
    VehicleOrderView dispatches(@PathVariable String reference, @RequestHeader(name = IF_MATCH, required = false) ExpectedVersion ifMatch,
                                Actor actor) {
        try {
            return VehicleOrderView.of(orders.checkDispatches(reference, expected(ifMatch), actor));
        } catch (OemVehicleDistribution.Unavailable e) {
            throw unavailable(e, "nothing changed, ask again later");
        }
    }

    @PostMapping("/{reference}/cancel")
    @PreAuthorize("hasAuthority('vehicle-orders:write')")
    @Operation(summary = "Cancel a vehicle order not yet sent to the OEM", operationId = "cancelVehicleOrder")
    VehicleOrderView cancel(@PathVariable String reference, @Valid @RequestBody CancelVehicleOrder r,
                            @RequestHeader(name = IF_MATCH, required = false) ExpectedVersion ifMatch, Actor actor) {
        return VehicleOrderView.of(orders.cancel(reference, expected(ifMatch, r.version()), r.reason(), actor));
    }

    @GetMapping("/{reference}")
    @PreAuthorize("hasAuthority('vehicle-orders:read')")
    @Operation(summary = "A vehicle order (by id or number) with its allocation; ETag is its version", operationId = "getVehicleOrder")
    VehicleOrderView get(@PathVariable String reference) {
        return VehicleOrderView.of(orders.load(reference));
    }

    @GetMapping
    @PreAuthorize("hasAuthority('vehicle-orders:read')")
    @Operation(summary = "Vehicle orders, newest first", operationId = "listVehicleOrders")
    Page<VehicleOrderView> list(@RequestParam(required = false) VehicleOrderStatus status, @RequestParam(required = false) YearMonth month,
                                @Valid @ParameterObject Paging paging) {
        return orders.list(status, month, paging).map(VehicleOrderView::of);
    }

    @PutMapping("/plans/{month}/forecast")
    @PreAuthorize("hasAuthority('vehicle-orders:write')")
    @Operation(summary = "Submit or revise the N+1/N+2 forecast (数量预测) of a month to the OEM; 422 forecast-month-out-of-range",
            operationId = "submitSupplyForecast")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "503", description = "The OEM cannot be reached (oem-unavailable); nothing changed",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
    SupplyPlanView forecast(@PathVariable YearMonth month, @Valid @RequestBody SupplyForecast r,
                            @RequestHeader(name = IF_MATCH, required = false) ExpectedVersion ifMatch, Actor actor) {
        try {
            return SupplyPlanView.of(plans.forecast(month, r.lines().stream()
                    .map(l -> new ForecastLine(l.model(), blankToNull(l.trim()), l.quantity())).toList(), expected(ifMatch, r.version()), actor));
        } catch (OemVehicleDistribution.Unavailable e) {
            throw unavailable(e, "nothing changed");
        }
    }

    @PutMapping("/plans/{month}/colours")
    @PreAuthorize("hasAuthority('vehicle-orders:write')")
    @Operation(summary = "Confirm next month's colours (次月颜色确认) to the OEM; per model and trim they add up to the forecast "
            + "(422 colour-split-mismatch)", operationId = "confirmSupplyColours")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "503", description = "The OEM cannot be reached (oem-unavailable); nothing changed",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
    SupplyPlanView colours(@PathVariable YearMonth month, @Valid @RequestBody SupplyColours r,
                           @RequestHeader(name = IF_MATCH, required = false) ExpectedVersion ifMatch, Actor actor) {
        try {
            return SupplyPlanView.of(plans.confirmColours(month, r.lines().stream()
                            .map(l -> new ColourLine(l.model(), blankToNull(l.trim()), l.colour(), l.quantity())).toList(),
                    expected(ifMatch, r.version()), actor));
        } catch (OemVehicleDistribution.Unavailable e) {
            throw unavailable(e, "nothing changed");
        }
    }

    @PostMapping("/plans/{month}/order")
    @PreAuthorize("hasAuthority('vehicle-orders:write')")
    @Operation(summary = "Draft the month's vehicle order from its confirmed colours", operationId = "orderSupplyPlan")
    ResponseEntity<VehicleOrderView> orderPlan(@PathVariable YearMonth month, @Valid @RequestBody(required = false) OrderPlan r,
                                               @RequestHeader(name = IF_MATCH, required = false) ExpectedVersion ifMatch, Actor actor) {
        VehicleOrder order = plans.order(month, r == null ? null : r.note(), expected(ifMatch), actor);
        return ResponseEntity.created(URI.create("/api/v1/vehicle-orders/" + order.getId())).body(VehicleOrderView.of(order));
    }

    @GetMapping("/plans/{month}")
    @PreAuthorize("hasAuthority('vehicle-orders:read')")
    @Operation(summary = "The supply plan of a month: forecast, colours, its order", operationId = "getSupplyPlan")
    SupplyPlanView plan(@PathVariable YearMonth month) {
        return SupplyPlanView.of(plans.get(month));
    }

    @GetMapping("/plans")
    @PreAuthorize("hasAuthority('vehicle-orders:read')")
    @Operation(summary = "The supply plans of the last two years, newest month first", operationId = "listSupplyPlans")
    List<SupplyPlanView> plans() {
        return plans.all().stream().map(SupplyPlanView::of).toList();
    }

    static ProblemException unavailable(OemVehicleDistribution.Unavailable e, String consequence) {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "oem-unavailable", "OEM unavailable", e.getMessage() + "; " + consequence);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
