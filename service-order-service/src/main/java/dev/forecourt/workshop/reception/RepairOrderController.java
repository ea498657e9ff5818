package dev.forecourt.workshop.reception;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.workshop.repairorder.RepairOrder;
import dev.forecourt.workshop.repairorder.RepairOrderStatus;
import dev.forecourt.workshop.repairorder.RepairOrders;
import dev.forecourt.workshop.repairorder.Reception;
import dev.forecourt.workshop.repairorder.WalkAround;
import dev.forecourt.workshop.web.CustomerInput;
import dev.forecourt.workshop.web.VehicleInput;
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
    private final MongoTemplate mongo;

    RepairOrderController(ReceptionDesk reception, RepairOrders orders, MongoTemplate mongo) {
        this.reception = reception;
        this.orders = orders;
        this.mongo = mongo;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('repair-orders:open')")
    @Operation(summary = "Open a repair order from an appointment or for a walk-in; 201 even when parts-service is down "
            + "(the parts lines stay PENDING and partsNotice says so)")
    ResponseEntity<RepairOrder> open(@Valid @RequestBody OpenRepairOrder body) {
        WalkAroundInput w = body.walkAround();
        Reception received = new Reception(body.vehicle().toVehicle(), body.customer().toCustomer(), body.odometerInKm(),
                body.complaint().strip(), new WalkAround(w.exterior(), w.interior(), w.valuables()), body.promisedAt(),
                body.appointmentId());
        RepairOrder order = reception.open(received, ReceptionDesk.currentEmployee(), body.reworkOf(),
                body.jobs() == null ? List.of() : body.jobs(), body.partsLines() == null ? List.of() : body.partsLines());
        return ResponseEntity.created(URI.create("/api/v1/repair-orders/" + order.getId())).body(order);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('repair-orders:read')")
    RepairOrder get(@PathVariable String id) {
        return orders.get(id);
    }

    @GetMapping
    @PreAuthorize("hasAuthority('repair-orders:read')")
    @Operation(summary = "Repair orders, newest first, by status and VIN")
    Map<String, Object> list(@RequestParam(required = false) RepairOrderStatus status,
                             @RequestParam(required = false) @Pattern(regexp = "[A-HJ-NPR-Z0-9]{17}") String vin,
                             @RequestParam(defaultValue = "0") @Min(0) int page,
                             @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        Query query = new Query();
        if (status != null) {
            query.addCriteria(where("status").is(status));
        }
        if (vin != null) {
            query.addCriteria(where("vehicle.vin").is(vin));
        }
        long total = mongo.count(query, RepairOrder.class);
        List<RepairOrder> items = mongo.find(query.with(Sort.by(Sort.Direction.DESC, "openedAt").and(Sort.by("_id")))
                .skip((long) page * size).limit(size), RepairOrder.class);
        return Map.of("items", items, "page", page, "size", size, "total", total);
    }
}
