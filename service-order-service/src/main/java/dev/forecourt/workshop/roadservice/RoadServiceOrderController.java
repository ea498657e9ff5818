package dev.forecourt.workshop.roadservice;

import java.net.URI;
import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import dev.forecourt.platform.web.Versioned;
import dev.forecourt.workshop.repairorder.RepairOrderView.StaffView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/road-service-orders")
@Tag(name = "Road service", description = "Outside-service orders (外出服务令): the van out to a car and back, with the kilometres driven")
class RoadServiceOrderController {

    record DispatchRoadService(@NotBlank @Pattern(regexp = "[A-HJ-NPR-Z0-9]{17}") String vin, @NotBlank @Size(max = 200) String location,
                               @Size(max = 64) @Schema(nullable = true, description = "the repair order the trip serves, when the car "
                                       + "was received already") String repairOrderId,
                               @NotBlank @Size(max = 64) String technicianId,
                               @NotNull @Min(0) @Max(2_000_000) Integer departureOdometerKm) {
    }

    record RecordReturn(@NotNull @Min(0) @Max(2_000_000) Integer returnOdometerKm) {
    }

    record RoadServiceOrderView(String id, String orderNumber, String vin, String location, String repairOrderId, StaffView technician,
                                int departureOdometerKm, Integer returnOdometerKm, Integer drivenKm, RoadServiceOrder.Status status,
                                StaffView dispatchedBy, Instant departedAt, Instant returnedAt, Long version) implements Versioned {
        static RoadServiceOrderView of(RoadServiceOrder o) {
            return new RoadServiceOrderView(o.getId(), o.getOrderNumber(), o.getVin(), o.getLocation(), o.getRepairOrderId(),
                    StaffView.of(o.getTechnician()),
                    o.getDepartureOdometerKm(), o.getReturnOdometerKm(), o.drivenKm(), o.getStatus(), StaffView.of(o.getDispatchedBy()),
                    o.getDepartedAt(), o.getReturnedAt(), o.getVersion());
        }
    }

    private final RoadServiceOrders orders;

    RoadServiceOrderController(RoadServiceOrders orders) {
        this.orders = orders;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('repair-orders:dispatch')")
    @Operation(operationId = "dispatchRoadService", summary = "Send a technician out with the van (外出服务): a numbered "
            + "outside-service order with the van's odometer on departure")
    ResponseEntity<RoadServiceOrderView> dispatch(@Valid @RequestBody DispatchRoadService body, Actor actor) {
        RoadServiceOrder order = orders.dispatch(body.vin(), body.location(), body.repairOrderId(), body.technicianId(), body.departureOdometerKm(), actor);
        return ResponseEntity.created(URI.create("/api/v1/road-service-orders/" + order.getId())).body(RoadServiceOrderView.of(order));
    }

    @PostMapping("/{id}/return")
    @PreAuthorize("hasAuthority('repair-orders:dispatch')")
    @Operation(operationId = "recordRoadServiceReturn", summary = "The van is back: its odometer fixes the kilometres driven "
            + "(422 odometer-decreased; 409 when it is back already)")
    RoadServiceOrderView returned(@PathVariable String id, @Valid @RequestBody RecordReturn body,
                                  @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch) {
        return RoadServiceOrderView.of(orders.returned(id, body.returnOdometerKm(), ifMatch == null ? ExpectedVersion.ANY : ifMatch));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('repair-orders:read')")
    @Operation(operationId = "getRoadServiceOrder", summary = "One outside-service order (ETag = version)")
    RoadServiceOrderView get(@PathVariable String id) {
        return RoadServiceOrderView.of(orders.get(id));
    }

    @GetMapping
    @PreAuthorize("hasAuthority('repair-orders:read')")
    @Operation(operationId = "listRoadServiceOrders", summary = "Outside-service orders, newest first, optionally of one car")
    Page<RoadServiceOrderView> list(@RequestParam(required = false) @Pattern(regexp = "[A-HJ-NPR-Z0-9]{17}") String vin,
                                    @Valid @ParameterObject Paging paging) {
        return orders.page(vin, paging).map(RoadServiceOrderView::of);
    }
}
