package dev.forecourt.oemsim.vehicles;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.oemsim.SimulatorProperties;

/**
 * The simulated carmaker's vehicle distribution API ({@code X-Api-Key} authenticates the dealer):
 * <ul>
 * <li>{@code POST /oem/v1/vehicle-orders} — a call-off or monthly order; 201 with the allocation
 *     (VIN, model, colour, guide and invoice price per car), 200 with the same allocation when the
 *     order number was sent before;</li>
 * <li>{@code GET /oem/v1/vehicle-orders/{oemOrderId}/dispatches} — the cars dispatched by now, with
 *     the expected arrival, keys and documents;</li>
 * <li>{@code PUT /oem/v1/supply-plans/{yyyy-MM}} — the N+1/N+2 forecast and next month's colours;
 *     {@code GET} answers what was received.</li>
 * </ul>
 */
@RestController
public class VehicleDistributionController {

    record OrderLine(@Min(1) int lineNo, @NotBlank @Size(max = 60) String model, @Size(max = 80) String trim,
                     @NotBlank @Size(max = 40) String colour, @Min(1) @Max(100) int quantity) {
    }

    record VehicleOrder(@NotBlank @Size(max = 40) String dealerCode, @NotBlank @Size(max = 40) String orderNumber,
                        @NotBlank String kind, YearMonth month, @NotEmpty @Size(max = 50) List<@Valid @NotNull OrderLine> lines) {
    }

    record PlanLine(@NotBlank @Size(max = 60) String model, @Size(max = 80) String trim, @Size(max = 40) String colour,
                    @Min(0) @Max(1000) int quantity) {
    }

    record SupplyPlan(@NotBlank @Size(max = 40) String dealerCode, @NotNull @Size(max = 100) List<@Valid @NotNull PlanLine> forecast,
                      @Size(max = 200) List<@Valid @NotNull PlanLine> colours) {
    }

    private final VehicleAllocations allocations;
    private final byte[] apiKey;

    public VehicleDistributionController(VehicleAllocations allocations, SimulatorProperties properties) {
        this.allocations = allocations;
        this.apiKey = properties.apiKey().getBytes(StandardCharsets.UTF_8);
    }

    @PostMapping("/oem/v1/vehicle-orders")
    public ResponseEntity<?> order(@RequestHeader(name = "X-Api-Key", required = false) String key,
                                   @Valid @RequestBody VehicleOrder order) {
        if (!authentic(key)) {
            return unauthorised();
        }
        VehicleAllocations.Placed placed = allocations.place(order.dealerCode(), order.orderNumber(), order.kind(), order.month(),
                order.lines().stream().map(l -> new VehicleAllocations.Line(l.lineNo(), l.model(), l.trim(), l.colour(), l.quantity())).toList());
        return ResponseEntity.status(placed.isNew() ? HttpStatus.CREATED : HttpStatus.OK).body(placed.allocated());
    }

    @GetMapping("/oem/v1/vehicle-orders/{oemOrderId}/dispatches")
    public ResponseEntity<?> dispatches(@RequestHeader(name = "X-Api-Key", required = false) String key, @PathVariable String oemOrderId) {
        if (!authentic(key)) {
            return unauthorised();
        }
        VehicleAllocations.Dispatches dispatches = allocations.dispatches(oemOrderId);
        return dispatches == null
                ? ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "no vehicle order " + oemOrderId))
                : ResponseEntity.ok(dispatches);
    }

    @PutMapping("/oem/v1/supply-plans/{month}")
    public ResponseEntity<?> plan(@RequestHeader(name = "X-Api-Key", required = false) String key, @PathVariable YearMonth month,
                                  @Valid @RequestBody SupplyPlan plan) {
        if (!authentic(key)) {
            return unauthorised();
        }
        return ResponseEntity.ok(allocations.receivePlan(plan.dealerCode(), month,
                plan.forecast().stream().map(l -> new VehicleAllocations.PlanLine(l.model(), l.trim(), l.colour(), l.quantity())).toList(),
                plan.colours() == null ? List.of()
                        : plan.colours().stream().map(l -> new VehicleAllocations.PlanLine(l.model(), l.trim(), l.colour(), l.quantity())).toList()));
    }

    @GetMapping("/oem/v1/supply-plans/{month}")
    public ResponseEntity<?> receivedPlan(@RequestHeader(name = "X-Api-Key", required = false) String key, @PathVariable YearMonth month,
                                          @RequestParam String dealerCode) {
        if (!authentic(key)) {
            return unauthorised();
        }
        VehicleAllocations.PlanReceipt receipt = allocations.plan(dealerCode, month);
        return receipt == null ? ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "no plan for " + month))
                : ResponseEntity.ok(receipt);
    }

    private boolean authentic(String key) {
        return key != null && MessageDigest.isEqual(apiKey, key.getBytes(StandardCharsets.UTF_8));
    }

    private static ResponseEntity<?> unauthorised() {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", "invalid API key"));
    }
}
