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

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.ProblemException;
import dev.forecourt.platform.money.Money;
import dev.forecourt.platform.security.Staff;
import dev.forecourt.platform.vin.Vin;
import dev.forecourt.sales.common.PageView;
import dev.forecourt.sales.common.SalesSettings;
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

    record RecordPdi(@NotNull Boolean passed, List<@NotBlank @Size(max = 500) String> findings) {
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
    @Operation(summary = "Receive a vehicle into stock (接车入库), or register it in transit; the VIN check digit is verified")
    ResponseEntity<VehicleView> receive(@Valid @RequestBody ReceiveVehicle request) {
        if (request.listPrice().isNegative() || request.listPrice().amount().signum() == 0) {
            throw ProblemException.invalid("listPrice must be positive",
                    new FieldProblem("listPrice.amount", "must be greater than 0"));
        }
        String brand = request.brand() == null || request.brand().isBlank() ? settings.brand() : request.brand();
        VehicleSpec spec = new VehicleSpec(brand, request.model(), request.trim(), request.colour(), request.listPrice(),
                request.keys(), request.documents(), request.accessories());
        Vehicle vehicle = stock.register(Vin.of(request.vin()), spec, request.arrivingLater(), Staff.require());
        return ResponseEntity.created(URI.create("/api/v1/vehicles/" + vehicle.getVin())).body(VehicleView.of(vehicle));
    }

    @PostMapping("/{vin}/arrival")
    @PreAuthorize("hasAuthority('vehicles:receive')")
    @Operation(summary = "A vehicle in transit arrives and is received into stock")
    VehicleView arrive(@PathVariable String vin) {
        return VehicleView.of(stock.arrive(vin, Staff.require()));
    }

    @PostMapping("/{vin}/pdi")
    @PreAuthorize("hasAuthority('vehicles:inspect')")
    @Operation(summary = "Record a pre-delivery inspection: passed, or failed with findings")
    VehicleView pdi(@PathVariable String vin, @Valid @RequestBody RecordPdi request) {
        return VehicleView.of(stock.recordPdi(vin, request.passed(), request.findings(), Staff.require()));
    }

    @PostMapping("/{vin}/demo-pool")
    @PreAuthorize("hasAuthority('vehicles:receive')")
    @Operation(summary = "Move a vehicle in stock into the demo-car pool")
    VehicleView toDemoPool(@PathVariable String vin) {
        return VehicleView.of(stock.moveToPool(vin, VehiclePool.DEMO));
    }

    @PostMapping("/{vin}/stock-pool")
    @PreAuthorize("hasAuthority('vehicles:receive')")
    @Operation(summary = "Return a demo car to the stock of cars for sale")
    VehicleView toStockPool(@PathVariable String vin) {
        return VehicleView.of(stock.moveToPool(vin, VehiclePool.STOCK));
    }

    @GetMapping("/{vin}")
    @PreAuthorize("hasAuthority('vehicles:read')")
    VehicleView get(@PathVariable String vin) {
        return VehicleView.of(stock.get(vin));
    }

    @GetMapping
    @PreAuthorize("hasAuthority('vehicles:read')")
    @Operation(summary = "Stock list with filters, oldest registration first")
    PageView<VehicleView> list(@RequestParam(required = false) VehicleStatus status, @RequestParam(required = false) VehiclePool pool,
                               @RequestParam(required = false) String model, @RequestParam(required = false) String colour,
                               @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        PageView<Vehicle> found = stock.list(new VehicleStock.VehicleFilter(status, pool, model, colour), page, size);
        return new PageView<>(found.items().stream().map(VehicleView::of).toList(), found.page(), found.size(), found.total());
    }

    @GetMapping("/aging")
    @PreAuthorize("hasAuthority('vehicles:read')")
    @Operation(summary = "Aging report of unsold new cars in 30-day buckets")
    AgingReport aging(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return aging.report(asOf);
    }

    @PostMapping("/stock-counts")
    @PreAuthorize("hasAuthority('vehicles:count')")
    @Operation(summary = "Record the monthly stock count; answers missing and unexpected VINs")
    ResponseEntity<StockCount> count(@Valid @RequestBody RecordStockCount request) {
        StockCount count = counts.record(request.month(), request.countedVins(), Staff.require());
        return ResponseEntity.created(URI.create("/api/v1/vehicles/stock-counts/" + count.month())).body(count);
    }

    @GetMapping("/stock-counts/{month}")
    @PreAuthorize("hasAuthority('vehicles:read')")
    StockCount stockCount(@PathVariable YearMonth month) {
        return counts.get(month);
    }
}
