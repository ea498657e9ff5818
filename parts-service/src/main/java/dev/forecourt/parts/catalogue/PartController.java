package dev.forecourt.parts.catalogue;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.parts.stock.Movement;
import dev.forecourt.parts.stock.StockLedger;
import dev.forecourt.parts.stock.StockLevel;
import dev.forecourt.parts.web.PageOf;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@RestController
@RequestMapping("/api/v1/parts")
@Tag(name = "Catalogue", description = "Parts, their stock and their movement ledger")
@Validated
class PartController {

    private final Catalogue catalogue;
    private final StockLedger ledger;

    PartController(Catalogue catalogue, StockLedger ledger) {
        this.catalogue = catalogue;
        this.ledger = ledger;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('parts:write')")
    @Operation(summary = "Add a part to the catalogue")
    ResponseEntity<Part> add(@Valid @RequestBody PartDetails details) {
        Part part = catalogue.add(details);
        return ResponseEntity.created(URI.create("/api/v1/parts/" + part.getPartNumber())).body(part);
    }

    @PutMapping("/{partNumber}")
    @PreAuthorize("hasAuthority('parts:write')")
    @Operation(summary = "Edit a part (send the version you read)")
    Part update(@PathVariable String partNumber, @Valid @RequestBody PartDetails details) {
        return catalogue.update(partNumber, details);
    }

    @GetMapping
    @PreAuthorize("hasAuthority('parts:read')")
    @Operation(summary = "Search parts by number or name")
    PageOf<Part> search(@RequestParam(required = false) String q, @RequestParam(required = false) Boolean genuineOem,
                        @RequestParam(defaultValue = "0") @Min(0) int page,
                        @RequestParam(defaultValue = "20") @Min(1) @Max(PageOf.MAX_SIZE) int size) {
        return catalogue.search(q, genuineOem, page, size);
    }

    @GetMapping("/{partNumber}")
    @PreAuthorize("hasAuthority('parts:read')")
    Part get(@PathVariable String partNumber) {
        return catalogue.require(partNumber);
    }

    @GetMapping("/{partNumber}/stock")
    @PreAuthorize("hasAuthority('parts:read')")
    @Operation(summary = "On hand, reserved and available")
    StockLevel stock(@PathVariable String partNumber) {
        return ledger.card(partNumber).level();
    }

    @GetMapping("/{partNumber}/movements")
    @PreAuthorize("hasAuthority('parts:read')")
    @Operation(summary = "The movement ledger of the part, oldest first")
    PageOf<Movement> movements(@PathVariable String partNumber,
                               @RequestParam(defaultValue = "0") @Min(0) int page,
                               @RequestParam(defaultValue = "20") @Min(1) @Max(PageOf.MAX_SIZE) int size) {
        catalogue.require(partNumber);
        return ledger.movements(partNumber, page, size);
    }
}
