package dev.forecourt.parts.returns;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.parts.stock.Actor;
import dev.forecourt.parts.web.PageOf;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/v1/supplier-returns")
@Tag(name = "Supplier returns", description = "Defective goods back to the supplier, on their own ledger")
@Validated
class SupplierReturnController {

    record ShipRequest(@Size(max = 64) String shipmentReference) {
    }

    private final SupplierReturns returns;

    SupplierReturnController(SupplierReturns returns) {
        this.returns = returns;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('parts:return')")
    @Operation(summary = "Take defective goods off the shelf for the supplier")
    ResponseEntity<SupplierReturn> create(@Valid @RequestBody ReturnRequest request) {
        SupplierReturn created = returns.returnFromStock(request, Actor.current());
        return ResponseEntity.created(URI.create("/api/v1/supplier-returns/" + created.id())).body(created);
    }

    @PostMapping("/{id}/ship")
    @PreAuthorize("hasAuthority('parts:return')")
    SupplierReturn ship(@PathVariable String id, @Valid @RequestBody(required = false) ShipRequest request) {
        return returns.ship(id, request == null ? null : request.shipmentReference(), Actor.current());
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('parts:read')")
    SupplierReturn get(@PathVariable String id) {
        return returns.require(id);
    }

    @GetMapping
    @PreAuthorize("hasAuthority('parts:read')")
    PageOf<SupplierReturn> list(@RequestParam(required = false) SupplierReturn.Status status,
                                @RequestParam(required = false) String partNumber,
                                @RequestParam(defaultValue = "0") @Min(0) int page,
                                @RequestParam(defaultValue = "20") @Min(1) @Max(PageOf.MAX_SIZE) int size) {
        return returns.list(status, partNumber, page, size);
    }
}
