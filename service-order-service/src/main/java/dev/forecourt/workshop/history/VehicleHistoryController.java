package dev.forecourt.workshop.history;

import jakarta.validation.constraints.Pattern;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/vehicle-histories")
@Tag(name = "Vehicle history", description = "Everything the workshop did on one car (车历)")
class VehicleHistoryController {

    private final VehicleHistories histories;

    VehicleHistoryController(VehicleHistories histories) {
        this.histories = histories;
    }

    @GetMapping("/{vin}")
    @PreAuthorize("hasAuthority('repair-orders:read')")
    @Operation(operationId = "vehicleHistory", summary = "The car's history: appointments, repair orders with jobs, parts and bill "
            + "total, CRM's callbacks about them, rework requests (404 for a car the workshop never saw)")
    VehicleHistories.History history(@PathVariable @Pattern(regexp = "[A-HJ-NPR-Z0-9]{17}") String vin) {
        return histories.of(vin);
    }
}
