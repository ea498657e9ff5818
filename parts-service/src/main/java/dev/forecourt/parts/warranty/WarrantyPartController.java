package dev.forecourt.parts.warranty;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.parts.stock.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/v1/warranty-parts")
@Tag(name = "Warranty parts", description = "Parts retained for the OEM (索赔件) and shipped back on request")
class WarrantyPartController {

    record ShipRequest(@NotBlank @Size(max = 64) String claimNumber, @Size(max = 64) String claimId) {
    }

    private final WarrantyParts warrantyParts;

    WarrantyPartController(WarrantyParts warrantyParts) {
        this.warrantyParts = warrantyParts;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('parts:return')")
    @Operation(summary = "Retain a replaced part for the OEM")
    ResponseEntity<RetainedPart> retain(@Valid @RequestBody RetainedPartDetails details) {
        RetainedPart part = warrantyParts.retain(details, Actor.current());
        return ResponseEntity.created(URI.create("/api/v1/warranty-parts/" + part.getId())).body(part);
    }

    @PostMapping("/{id}/ship")
    @PreAuthorize("hasAuthority('parts:return')")
    @Operation(summary = "Ship the part back to the OEM with the claim reference")
    RetainedPart ship(@PathVariable String id, @Valid @RequestBody ShipRequest request) {
        return warrantyParts.ship(id, request.claimId(), request.claimNumber(), Actor.current().label());
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('parts:read')")
    RetainedPart get(@PathVariable String id) {
        return warrantyParts.require(id);
    }

    @GetMapping
    @PreAuthorize("hasAuthority('parts:read')")
    List<RetainedPart> list(@RequestParam(required = false) RetainedPart.Status status,
                            @RequestParam(required = false) String repairOrderId) {
        return warrantyParts.list(status, repairOrderId);
    }
}
