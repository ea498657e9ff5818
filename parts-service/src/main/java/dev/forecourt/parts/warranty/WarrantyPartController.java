package dev.forecourt.parts.warranty;

import io.swagger.v3.oas.annotations.media.Schema;

import java.net.URI;
import java.util.List;

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

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/v1/warranty-parts")
@Tag(name = "Warranty parts", description = "Parts retained for the OEM (索赔件) and shipped back on request")
class WarrantyPartController {

    @Schema(name = "WarrantyPartShipRequest")
    record ShipRequest(@NotBlank @Size(max = 64) String claimNumber, @Size(max = 64) String claimId) {
    }

    private final WarrantyParts warrantyParts;

    WarrantyPartController(WarrantyParts warrantyParts) {
        this.warrantyParts = warrantyParts;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('parts:return')")
    @Operation(summary = "Retain a replaced part for the OEM", operationId = "retainWarrantyPart")
    ResponseEntity<RetainedPartView> retain(@Valid @RequestBody RetainedPartDetails details, Actor actor) {
        RetainedPart part = warrantyParts.retain(details, actor);
        return ResponseEntity.created(URI.create("/api/v1/warranty-parts/" + part.getId())).body(RetainedPartView.of(part));
    }

    @PostMapping("/{id}/ship")
    @PreAuthorize("hasAuthority('parts:return')")
    @Operation(summary = "Ship the part back to the OEM with the claim reference", operationId = "shipWarrantyPart")
    RetainedPartView ship(@PathVariable String id, @Valid @RequestBody ShipRequest request,
                          @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch, Actor actor) {
        return RetainedPartView.of(warrantyParts.ship(id, request.claimId(), request.claimNumber(), actor.username(),
                ifMatch == null ? ExpectedVersion.ANY : ifMatch));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('parts:read')")
    @Operation(summary = "One retained part", operationId = "getWarrantyPart")
    RetainedPartView get(@PathVariable String id) {
        return RetainedPartView.of(warrantyParts.require(id));
    }

    @GetMapping
    @PreAuthorize("hasAuthority('parts:read')")
    @Operation(summary = "Retained parts by status or repair order", operationId = "listWarrantyParts")
    List<RetainedPartView> list(@RequestParam(required = false) RetainedPart.Status status,
                                @RequestParam(required = false) String repairOrderId) {
        return warrantyParts.list(status, repairOrderId).stream().map(RetainedPartView::of).toList();
    }
}
