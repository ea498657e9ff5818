package dev.forecourt.sales.stock;

import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
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
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.ProblemException;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.money.Money;
import dev.forecourt.platform.paging.Page;
import dev.forecourt.platform.paging.Paging;
import dev.forecourt.platform.vin.Vin;
import dev.forecourt.sales.config.SalesSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/vehicles")
@Tag(name = "Vehicle stock", description = "Receiving, PDI, demo-car pool, stock list, aging, monthly count")
class VehicleController {

    record ReceiveVehicle(@NotBlank String vin, @Size(max = 40) String brand, @NotBlank @Size(max = 60) String model,
                          @NotBlank @Size(max = 80) String trim, @NotBlank @Size(max = 40) String colour,
                          @NotNull @Valid Money listPrice, @NotNull @Min(1) @Max(10) Integer keys,
                          List<@NotBlank String> documents, List<@NotBlank String> accessories, Boolean inTransit) {

        /** Absent means the vehicle is at the store now. */
        boolean arrivingLater() {
            return Boolean.TRUE.equals(inTransit);
        }
    }

    record RecordPdi(@NotNull Boolean passed, List<@NotBlank @Size(max = 500) String> findings, Long version) {
    }

    private static final String IF_MATCH = "If-Match";

    static ExpectedVersion expected(ExpectedVersion ifMatch) {
        return ifMatch == null ? ExpectedVersion.ANY : ifMatch;
    }

    record RecordStockCount(@NotNull YearMonth month, @NotNull List<@NotBlank String> countedVins) {
    }

    private final VehicleStock stock;
    private final StockAging aging;
    private final StockCounts counts;
    private final SalesSettings settings;

    VehicleController(VehicleStock stock, StockAging aging, StockCounts counts, SalesSettings settings) {
        this.stock = stock;
        this.aging = aging;
        this.counts = counts;
        this.settings = settings;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('vehicles:receive')")
    @Operation(summary = "Receive a vehicle into stock (接车入库), or register it in transit; the VIN check digit is verified",
            operationId = "receiveVehicle")
    ResponseEntity<VehicleView> receive(@Valid @RequestBody ReceiveVehicle request, Actor actor) {
        if (request.listPrice().isNegative() || request.listPrice().amount().signum() == 0) {
            throw ProblemException.invalid("listPrice must be positive",
                    new FieldProblem("listPrice.amount", "must be greater than 0"));
        }
        String brand = request.brand() == null || request.brand().isBlank() ? settings.brand() : request.brand();
        VehicleSpec spec = new VehicleSpec(brand, request.model(), request.trim(), request.colour(), request.listPrice(),
                request.keys(), request.documents(), request.accessories());
        Vehicle vehicle = stock.register(Vin.of(request.vin()), spec, request.arrivingLater(), actor);
        return ResponseEntity.created(URI.create("/api/v1/vehicles/" + vehicle.getVin())).body(VehicleView.of(vehicle));
    }

    @PostMapping("/{vin}/arrival")
    @PreAuthorize("hasAuthority('vehicles:receive')")
    @Operation(summary = "A vehicle in transit arrives and is received into stock", operationId = "receiveVehicleInTransit")
    VehicleView arrive(@PathVariable String vin, @RequestHeader(name = IF_MATCH, required = false) ExpectedVersion ifMatch, Actor actor) {
        return VehicleView.of(stock.arrive(vin, expected(ifMatch), actor));
    }

    @PostMapping("/{vin}/pdi")
    @PreAuthorize("hasAuthority('vehicles:inspect')")
    @Operation(summary = "Record a pre-delivery inspection: passed, or failed with findings", operationId = "recordPdi")
    VehicleView pdi(@PathVariable String vin, @Valid @RequestBody RecordPdi request,
                    @RequestHeader(name = IF_MATCH, required = false) ExpectedVersion ifMatch, Actor actor) {
        ExpectedVersion expected = ifMatch == null ? ExpectedVersion.of(request.version()) : ifMatch.or(request.version());
        return VehicleView.of(stock.recordPdi(vin, expected, request.passed(), request.findings(), actor));
    }

    @PostMapping("/{vin}/demo-pool")
    @PreAuthorize("hasAuthority('vehicles:receive')")
    @Operation(summary = "Move a vehicle in stock into the demo-car pool", operationId = "moveVehicleToDemoPool")
    VehicleView toDemoPool(@PathVariable String vin, @RequestHeader(name = IF_MATCH, required = false) ExpectedVersion ifMatch, Actor actor) {
        return VehicleView.of(stock.moveToPool(vin, expected(ifMatch), VehiclePool.DEMO, actor));
    }

    @PostMapping("/{vin}/stock-pool")
    @PreAuthorize("hasAuthority('vehicles:receive')")
    @Operation(summary = "Return a demo car to the stock of cars for sale", operationId = "moveVehicleToStockPool")
    VehicleView toStockPool(@PathVariable String vin, @RequestHeader(name = IF_MATCH, required = false) ExpectedVersion ifMatch, Actor actor) {
        return VehicleView.of(stock.moveToPool(vin, expected(ifMatch), VehiclePool.STOCK, actor));
    }

    @GetMapping("/{vin}")
    @PreAuthorize("hasAuthority('vehicles:read')")
    @Operation(summary = "A vehicle with its PDI history; ETag is its version", operationId = "getVehicle")
    VehicleView get(@PathVariable String vin) {
        return VehicleView.of(stock.get(vin));
    }

    @GetMapping
    @PreAuthorize("hasAuthority('vehicles:read')")
    @Operation(summary = "Stock list with filters, oldest registration first", operationId = "listVehicles")
    Page<VehicleView> list(@RequestParam(required = false) VehicleStatus status, @RequestParam(required = false) VehiclePool pool,
                           @RequestParam(required = false) String model, @RequestParam(required = false) String colour,
                           @Valid @ParameterObject Paging paging) {
        return stock.list(new VehicleStock.VehicleFilter(status, pool, model, colour), paging).map(VehicleView::of);
    }

    @GetMapping("/aging")
    @PreAuthorize("hasAuthority('vehicles:read')")
    @Operation(summary = "Aging report of unsold new cars in 30-day buckets", operationId = "vehicleAgingReport")
    AgingReport aging(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return aging.report(asOf);
    }

    @PostMapping("/stock-counts")
    @PreAuthorize("hasAuthority('vehicles:count')")
    @Operation(summary = "Record the monthly stock count; answers missing and unexpected VINs", operationId = "recordStockCount")
    ResponseEntity<StockCountView> count(@Valid @RequestBody RecordStockCount request, Actor actor) {
        StockCount count = counts.record(request.month(), request.countedVins(), actor);
        return ResponseEntity.created(URI.create("/api/v1/vehicles/stock-counts/" + count.month())).body(StockCountView.of(count));
    }

    @GetMapping("/stock-counts/{month}")
    @PreAuthorize("hasAuthority('vehicles:read')")
    @Operation(summary = "The stock count of one month", operationId = "getStockCount")
    StockCountView stockCount(@PathVariable YearMonth month) {
        return StockCountView.of(counts.get(month));
    }
}
