package dev.forecourt.parts.catalogue;

import java.net.URI;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.parts.stock.MovementView;
import dev.forecourt.parts.stock.StockLedger;
import dev.forecourt.parts.stock.StockLevel;

import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.paging.Page;
import dev.forecourt.platform.paging.Paging;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/v1/parts")
@Tag(name = "Catalogue", description = "Parts, their stock and their movement ledger")
class PartController {

    private final Catalogue catalogue;
    private final StockLedger ledger;

    PartController(Catalogue catalogue, StockLedger ledger) {
        this.catalogue = catalogue;
        this.ledger = ledger;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('parts:write')")
    @Operation(summary = "Add a part to the catalogue", operationId = "addPart")
    ResponseEntity<PartView> add(@Valid @RequestBody PartDetails details) {
        Part part = catalogue.add(details);
        return ResponseEntity.created(URI.create("/api/v1/parts/" + part.getPartNumber())).body(PartView.of(part));
    }

    @PutMapping("/{partNumber}")
    @PreAuthorize("hasAuthority('parts:write')")
    @Operation(summary = "Edit a part (If-Match with the ETag read, or the body's version; stale → 409 version-conflict)",
            operationId = "editPart")
    PartView update(@PathVariable String partNumber, @Valid @RequestBody PartDetails details,
                    @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch) {
        ExpectedVersion expected = ifMatch == null ? ExpectedVersion.of(details.version()) : ifMatch.or(details.version());
        return PartView.of(catalogue.update(partNumber, details, expected));
    }

    @GetMapping
    @PreAuthorize("hasAuthority('parts:read')")
    @Operation(summary = "Search parts by number or name", operationId = "searchParts")
    Page<PartView> search(@RequestParam(required = false) String q, @RequestParam(required = false) Boolean genuineOem,
                          @Valid @ParameterObject Paging paging) {
        return catalogue.search(q, genuineOem, paging).map(PartView::of);
    }

    @GetMapping("/{partNumber}")
    @PreAuthorize("hasAuthority('parts:read')")
    @Operation(summary = "One part of the catalogue (with its ETag)", operationId = "getPart")
    PartView get(@PathVariable String partNumber) {
        return PartView.of(catalogue.require(partNumber));
    }

    @GetMapping("/{partNumber}/stock")
    @PreAuthorize("hasAuthority('parts:read')")
    @Operation(summary = "On hand, reserved and available", operationId = "getPartStock")
    StockLevel stock(@PathVariable String partNumber) {
        return ledger.card(partNumber).level();
    }

    @GetMapping("/{partNumber}/movements")
    @PreAuthorize("hasAuthority('parts:read')")
    @Operation(summary = "The movement ledger of the part, oldest first", operationId = "listPartMovements")
    Page<MovementView> movements(@PathVariable String partNumber, @Valid @ParameterObject Paging paging) {
        catalogue.require(partNumber);
        return ledger.movements(partNumber, paging).map(MovementView::of);
    }
}
