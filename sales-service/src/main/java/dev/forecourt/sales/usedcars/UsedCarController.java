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

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.money.Money;
import dev.forecourt.platform.paging.Page;
import dev.forecourt.platform.paging.Paging;
import dev.forecourt.platform.vin.Vin;
import dev.forecourt.sales.customers.Customer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Used cars and trade-ins", description = "Appraisal, purchase, trade-in against a new-car order, resale")
class UsedCarController {

    record Appraise(@NotBlank String vin, @NotBlank @Size(max = 40) String brand, @NotBlank @Size(max = 60) String model,
                    @NotNull @PastOrPresent LocalDate firstRegistration, @NotNull @PositiveOrZero @Max(2_000_000) Integer odometerKm,
                    @NotNull @Valid Customer seller, @NotNull @Valid Money appraisedValue, @NotNull UsedCar.Condition condition,
                    @Size(max = 2000) String notes) {
    }

    record Purchase(@NotNull @Valid Money price, Long version) {
    }

    record Resell(@NotNull @Valid Money price, @NotNull @Valid Customer buyer, Long version) {
    }

    private static final String IF_MATCH = "If-Match";

    static ExpectedVersion expected(ExpectedVersion ifMatch, Long bodyVersion) {
        return ifMatch == null ? ExpectedVersion.of(bodyVersion) : ifMatch.or(bodyVersion);
    }

    record TradeInRequest(@NotBlank String usedCarId, @NotBlank String salesOrderId) {
    }

    private final UsedCars usedCars;

    UsedCarController(UsedCars usedCars) {
        this.usedCars = usedCars;
    }

    @PostMapping("/api/v1/used-cars")
    @PreAuthorize("hasAuthority('used-cars:write')")
    @Operation(summary = "Record an appraisal of a used car", operationId = "appraiseUsedCar")
    ResponseEntity<UsedCarView> appraise(@Valid @RequestBody Appraise r, Actor actor) {
        UsedCar car = usedCars.appraise(Vin.of(r.vin()), r.brand(), r.model(), r.firstRegistration(), r.odometerKm(), r.seller(),
                r.appraisedValue(), r.condition(), r.notes(), actor);
        return ResponseEntity.created(URI.create("/api/v1/used-cars/" + car.getId())).body(UsedCarView.of(car));
    }

    @PostMapping("/api/v1/used-cars/{id}/purchase")
    @PreAuthorize("hasAuthority('used-cars:write')")
    @Operation(summary = "Buy the appraised car for cash", operationId = "purchaseUsedCar")
    UsedCarView purchase(@PathVariable String id, @Valid @RequestBody Purchase r,
                         @RequestHeader(name = IF_MATCH, required = false) ExpectedVersion ifMatch, Actor actor) {
        return UsedCarView.of(usedCars.purchase(id, expected(ifMatch, r.version()), r.price(), actor));
    }

    @PostMapping("/api/v1/used-cars/{id}/resale")
    @PreAuthorize("hasAuthority('used-cars:write')")
    @Operation(summary = "Resell a used car the store owns", operationId = "resellUsedCar")
    UsedCarView resell(@PathVariable String id, @Valid @RequestBody Resell r,
                       @RequestHeader(name = IF_MATCH, required = false) ExpectedVersion ifMatch, Actor actor) {
        return UsedCarView.of(usedCars.resell(id, expected(ifMatch, r.version()), r.price(), r.buyer(), actor));
    }

    @GetMapping("/api/v1/used-cars/{id}")
    @PreAuthorize("hasAuthority('used-cars:read')")
    @Operation(summary = "A used car with its appraisal and what became of it; ETag is its version", operationId = "getUsedCar")
    UsedCarView get(@PathVariable String id) {
        return UsedCarView.of(usedCars.get(id));
    }

    @GetMapping("/api/v1/used-cars")
    @PreAuthorize("hasAuthority('used-cars:read')")
    @Operation(summary = "List used cars, newest appraisal first", operationId = "listUsedCars")
    Page<UsedCarView> list(@RequestParam(required = false) UsedCarStatus status, @Valid @ParameterObject Paging paging) {
        return usedCars.list(status, paging).map(UsedCarView::of);
    }

    @PostMapping("/api/v1/trade-ins")
    @PreAuthorize("hasAuthority('used-cars:write') and hasAuthority('sales-orders:write')")
    @Operation(summary = "Take an appraised car in trade: its appraised value is credited to a new-car order", operationId = "tradeIn")
    @ApiResponse(responseCode = "201", description = "Credited",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = UsedCars.TradeIn.class)))
    @ApiResponse(responseCode = "404", description = "No such used car or sales order; nothing is written",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
    ResponseEntity<UsedCars.TradeIn> tradeIn(@Valid @RequestBody TradeInRequest r, Actor actor) {
        UsedCars.TradeIn tradeIn = usedCars.tradeIn(r.usedCarId(), r.salesOrderId(), actor);
        return ResponseEntity.created(URI.create("/api/v1/used-cars/" + tradeIn.usedCarId())).body(tradeIn);
    }
}
