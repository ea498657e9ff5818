package dev.forecourt.parts.returns;

import io.swagger.v3.oas.annotations.media.Schema;

import java.net.URI;

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

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/v1/supplier-returns")
@Tag(name = "Supplier returns", description = "Defective goods back to the supplier, on their own ledger")
class SupplierReturnController {

    @Schema(name = "SupplierReturnShipRequest")
    record ShipRequest(@Size(max = 64) String shipmentReference) {
    }

    private final SupplierReturns returns;

    SupplierReturnController(SupplierReturns returns) {
        this.returns = returns;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('parts:return')")
    @Operation(summary = "Take defective goods off the shelf for the supplier", operationId = "returnToSupplier")
    ResponseEntity<SupplierReturnView> create(@Valid @RequestBody ReturnRequest request, Actor actor) {
        SupplierReturn created = returns.returnFromStock(request, actor);
        return ResponseEntity.created(URI.create("/api/v1/supplier-returns/" + created.id())).body(SupplierReturnView.of(created));
    }

    @PostMapping("/{id}/ship")
    @PreAuthorize("hasAuthority('parts:return')")
    @Operation(summary = "The goods left for the supplier (once)", operationId = "shipSupplierReturn")
    SupplierReturnView ship(@PathVariable String id, @Valid @RequestBody(required = false) ShipRequest request,
                            @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch, Actor actor) {
        return SupplierReturnView.of(returns.ship(id, request == null ? null : request.shipmentReference(),
                ifMatch == null ? ExpectedVersion.ANY : ifMatch, actor));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('parts:read')")
    @Operation(summary = "One supplier return", operationId = "getSupplierReturn")
    SupplierReturnView get(@PathVariable String id) {
        return SupplierReturnView.of(returns.require(id));
    }

    @GetMapping
    @PreAuthorize("hasAuthority('parts:read')")
    @Operation(summary = "The supplier-return ledger, latest first", operationId = "listSupplierReturns")
    Page<SupplierReturnView> list(@RequestParam(required = false) SupplierReturn.Status status,
                                  @RequestParam(required = false) String partNumber, @Valid @ParameterObject Paging paging) {
        return returns.list(status, partNumber, paging).map(SupplierReturnView::of);
    }
}
