package dev.forecourt.workshop.reception;

import java.net.URI;
import java.time.Instant;
import java.util.List;

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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.paging.Page;
import dev.forecourt.platform.paging.Paging;
import dev.forecourt.workshop.repairorder.Reception;
import dev.forecourt.workshop.repairorder.RepairOrder;
import dev.forecourt.workshop.repairorder.RepairOrderStatus;
import dev.forecourt.workshop.repairorder.RepairOrderView;
import dev.forecourt.workshop.repairorder.RepairOrders;
import dev.forecourt.workshop.repairorder.WalkAround;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/repair-orders")
@Tag(name = "Reception", description = "Opening and reading repair orders")
class RepairOrderController {

    record WalkAroundInput(@NotBlank @Size(max = 1000) String exterior, @NotBlank @Size(max = 1000) String interior,
                           @NotBlank @Size(max = 1000) String valuables) {
    }

    record OpenRepairOrder(@Size(max = 64) String appointmentId, @NotNull @Valid VehicleInput vehicle,
                           @NotNull @Valid CustomerInput customer, @NotNull @Min(0) @Max(2_000_000) Integer odometerInKm,
                           @NotBlank @Size(max = 2000) String complaint, @NotNull @Valid WalkAroundInput walkAround,
                           @NotNull Instant promisedAt, @Size(max = 64) String reworkOf,
                           @Size(max = 50) List<@Valid JobInput> jobs, @Size(max = 100) List<@Valid PartsLineInput> partsLines) {
    }

    private final ReceptionDesk reception;
    private final RepairOrders orders;

    RepairOrderController(ReceptionDesk reception, RepairOrders orders) {
        this.reception = reception;
        this.orders = orders;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('repair-orders:open')")
    @Operation(operationId = "openRepairOrder", summary = "Open a repair order from an appointment or for a walk-in; 201 even "
            + "when parts-service is down (the parts lines stay PENDING and partsNotice says so)")
    ResponseEntity<RepairOrderView> open(@Valid @RequestBody OpenRepairOrder body, Actor actor) {
        WalkAroundInput w = body.walkAround();
        Reception received = new Reception(body.vehicle().toVehicle(), body.customer().toCustomer(), body.odometerInKm(),
                body.complaint().strip(), new WalkAround(w.exterior(), w.interior(), w.valuables()), body.promisedAt(),
                body.appointmentId());
        RepairOrder order = reception.open(received, actor, body.reworkOf(),
                body.jobs() == null ? List.of() : body.jobs(), body.partsLines() == null ? List.of() : body.partsLines());
        return ResponseEntity.created(URI.create("/api/v1/repair-orders/" + order.getId())).body(RepairOrderView.of(order));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('repair-orders:read')")
    @Operation(operationId = "getRepairOrder", summary = "One repair order with its jobs, parts lines, estimate and bill summary (ETag = version)")
    RepairOrderView get(@PathVariable String id) {
        return RepairOrderView.of(orders.get(id));
    }

    @GetMapping
    @PreAuthorize("hasAuthority('repair-orders:read')")
    @Operation(operationId = "listRepairOrders", summary = "Repair orders, newest first, by status and VIN")
    Page<RepairOrderView> list(@RequestParam(required = false) RepairOrderStatus status,
                               @RequestParam(required = false) @Pattern(regexp = "[A-HJ-NPR-Z0-9]{17}") String vin,
                               @Valid @ParameterObject Paging paging) {
        return orders.page(status, vin, paging).map(RepairOrderView::of);
    }
}
