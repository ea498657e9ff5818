package dev.forecourt.claims.claim;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
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

import dev.forecourt.claims.eligibility.ClaimReadiness;
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.security.Staff;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/warranty-claims")
@Tag(name = "Warranty claims", description = "Claims to the OEM: drafts, corrections, validation")
@Validated
public class ClaimController {

    private final ClaimService service;
    private final WarrantyClaims claims;
    private final ClaimReadiness readiness;

    public ClaimController(ClaimService service, WarrantyClaims claims, ClaimReadiness readiness) {
        this.service = service;
        this.claims = claims;
        this.readiness = readiness;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('claims:write')")
    @Operation(summary = "Draft a claim by hand (claims from warranty jobs are drafted automatically)")
    public ResponseEntity<ClaimView> draft(@Valid @RequestBody ClaimRequest request) {
        WarrantyClaim claim = service.draftByHand(request.toContent(), Staff.require().username());
        return ResponseEntity.created(URI.create("/api/v1/warranty-claims/" + claim.getId())).body(ClaimView.of(claim));
    }

    @GetMapping
    @PreAuthorize("hasAuthority('claims:read')")
    @Operation(summary = "List claims, newest first, optionally by status and VIN")
    public Map<String, Object> list(@RequestParam(required = false) ClaimStatus status, @RequestParam(required = false) String vin,
                                    @RequestParam(defaultValue = "0") @Min(0) int page,
                                    @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        PageRequest request = PageRequest.of(page, size, Sort.by(Sort.Order.desc("draftedAt"), Sort.Order.asc("_id")));
        Page<WarrantyClaim> found;
        if (status != null && vin != null) {
            found = claims.findByStatusAndContentVin(status, vin, request);
        } else if (status != null) {
            found = claims.findByStatus(status, request);
        } else if (vin != null) {
            found = claims.findByContentVin(vin, request);
        } else {
            found = claims.findAll(request);
        }
        return Map.of("items", found.map(ClaimView::of).getContent(), "page", page, "size", size, "total", found.getTotalElements());
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('claims:read')")
    public ClaimView get(@PathVariable String id) {
        return ClaimView.of(service.get(id));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('claims:write')")
    @Operation(summary = "Correct a draft, or a claim the OEM sent back (NEEDS_INFO, REJECTED); needs the version edited")
    public ClaimView correct(@PathVariable String id, @Valid @RequestBody ClaimRequest request) {
        return ClaimView.of(service.correct(id, request.version(), request.toContent(), Staff.require().username()));
    }

    /** What blocks the next submission, per field. */
    public record Validation(String claimId, String claimNumber, boolean ready, List<FieldProblem> problems) {
    }

    @GetMapping("/{id}/validation")
    @PreAuthorize("hasAuthority('claims:read')")
    @Operation(summary = "List per field what must be fixed before the claim can be submitted")
    public Validation validation(@PathVariable String id) {
        WarrantyClaim claim = service.get(id);
        List<FieldProblem> problems = readiness.problems(claim);
        return new Validation(claim.getId(), claim.getClaimNumber(), problems.isEmpty(), problems);
    }
}
