package dev.forecourt.sales.usedcars;

import java.net.URI;
import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.platform.money.Money;
import dev.forecourt.platform.security.Staff;
import dev.forecourt.platform.vin.Vin;
import dev.forecourt.sales.common.Customer;
import dev.forecourt.sales.common.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Used cars and trade-ins", description = "Appraisal, purchase, trade-in against a new-car order, resale")
class UsedCarController {

    record Appraise(@NotBlank String vin, @NotBlank @Size(max = 40) String brand, @NotBlank @Size(max = 60) String model,
                    @NotNull @PastOrPresent LocalDate firstRegistration, @NotNull @PositiveOrZero @Max(2_000_000) Integer odometerKm,
                    @NotNull @Valid Customer seller, @NotNull @Valid Money appraisedValue, @NotNull UsedCar.Condition condition,
                    @Size(max = 2000) String notes) {
    }

    record Purchase(@NotNull @Valid Money price) {
    }

    record Resell(@NotNull @Valid Money price, @NotNull @Valid Customer buyer) {
    }

    record TradeInRequest(@NotBlank String usedCarId, @NotBlank String salesOrderId) {
    }

    private final UsedCars usedCars;

    UsedCarController(UsedCars usedCars) {
        this.usedCars = usedCars;
    }

    @PostMapping("/api/v1/used-cars")
    @PreAuthorize("hasAuthority('used-cars:write')")
    @Operation(summary = "Record an appraisal of a used car")
    ResponseEntity<UsedCar> appraise(@Valid @RequestBody Appraise r) {
        UsedCar car = usedCars.appraise(Vin.of(r.vin()), r.brand(), r.model(), r.firstRegistration(), r.odometerKm(), r.seller(),
                r.appraisedValue(), r.condition(), r.notes(), Staff.require());
        return ResponseEntity.created(URI.create("/api/v1/used-cars/" + car.getId())).body(car);
    }

    @PostMapping("/api/v1/used-cars/{id}/purchase")
    @PreAuthorize("hasAuthority('used-cars:write')")
    @Operation(summary = "Buy the appraised car for cash")
    UsedCar purchase(@PathVariable String id, @Valid @RequestBody Purchase r) {
        return usedCars.purchase(id, r.price(), Staff.require());
    }

    @PostMapping("/api/v1/used-cars/{id}/resale")
    @PreAuthorize("hasAuthority('used-cars:write')")
    @Operation(summary = "Resell a used car the store owns")
    UsedCar resell(@PathVariable String id, @Valid @RequestBody Resell r) {
        return usedCars.resell(id, r.price(), r.buyer(), Staff.require());
    }

    @GetMapping("/api/v1/used-cars/{id}")
    @PreAuthorize("hasAuthority('used-cars:read')")
    UsedCar get(@PathVariable String id) {
        return usedCars.get(id);
    }

    @GetMapping("/api/v1/used-cars")
    @PreAuthorize("hasAuthority('used-cars:read')")
    PageView<UsedCar> list(@RequestParam(required = false) UsedCarStatus status,
                           @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return usedCars.list(status, page, size);
    }

    @PostMapping("/api/v1/trade-ins")
    @PreAuthorize("hasAuthority('used-cars:write') and hasAuthority('sales-orders:write')")
    @Operation(summary = "Take an appraised car in trade: its appraised value is credited to a new-car order")
    ResponseEntity<UsedCars.TradeIn> tradeIn(@Valid @RequestBody TradeInRequest r) {
        UsedCars.TradeIn tradeIn = usedCars.tradeIn(r.usedCarId(), r.salesOrderId(), Staff.require());
        return ResponseEntity.created(URI.create("/api/v1/used-cars/" + tradeIn.usedCarId())).body(tradeIn);
    }
}
