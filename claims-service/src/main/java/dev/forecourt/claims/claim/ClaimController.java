package dev.forecourt.claims.claim;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

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

import dev.forecourt.claims.eligibility.ClaimReadiness;
import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.paging.Page;
import dev.forecourt.platform.paging.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/warranty-claims")
@Tag(name = "Warranty claims", description = "Claims to the OEM: drafts, corrections, validation")
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
    @Operation(summary = "Draft a claim by hand (claims from warranty jobs are drafted automatically)", operationId = "draftWarrantyClaim")
    public ResponseEntity<ClaimView> draft(@Valid @RequestBody ClaimRequest request, Actor actor) {
        WarrantyClaim claim = service.draftByHand(request.toContent(), actor);
        return ResponseEntity.created(URI.create("/api/v1/warranty-claims/" + claim.getId())).body(ClaimView.of(claim));
    }

    @GetMapping
    @PreAuthorize("hasAuthority('claims:read')")
    @Operation(summary = "List claims, newest first, optionally by status and VIN", operationId = "listWarrantyClaims")
    public Page<ClaimView> list(@RequestParam(required = false) ClaimStatus status, @RequestParam(required = false) String vin,
                                @Valid @ParameterObject Paging paging) {
        return claims.list(status, vin, paging).map(ClaimView::of);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('claims:read')")
    @Operation(summary = "One claim with its lines, OEM answers and history; ETag carries its version", operationId = "getWarrantyClaim")
    public ClaimView get(@PathVariable String id) {
        return ClaimView.of(service.get(id));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('claims:write')")
    @Operation(summary = "Correct a draft, or a claim the OEM sent back (NEEDS_INFO, REJECTED); If-Match (or the body's version) "
            + "names the version edited, a stale one answers 409 version-conflict", operationId = "correctWarrantyClaim")
    public ClaimView correct(@PathVariable String id, @Valid @RequestBody ClaimRequest request,
                             @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch, Actor actor) {
        ExpectedVersion expected = ifMatch == null ? ExpectedVersion.of(request.version()) : ifMatch.or(request.version());
        return ClaimView.of(service.correct(id, expected, request.toContent(), actor));
    }

    /**
     * What blocks the next submission, per field.
     *
     * @param brokenRules the eligibility rules broken: warranty-period, warranty-mileage, three-guarantees-period,
     *                    three-guarantees-mileage (outside them, only a goodwill claim can be made)
     */
    public record Validation(String claimId, String claimNumber, boolean ready, List<FieldProblem> problems, List<String> brokenRules) {
    }

    /** @param note the service director's reason for granting goodwill */
    public record GoodwillApprovalRequest(@Size(max = 500) String note, Long version) {
    }

    @PostMapping("/{id}/goodwill-approval")
    @PreAuthorize("hasAuthority('claims:approve-goodwill')")
    @Operation(summary = "The service director approves a goodwill claim (善意索赔) for submission; a correction that changes its "
            + "amount voids the approval", operationId = "approveGoodwillClaim")
    public ClaimView approveGoodwill(@PathVariable String id, @Valid @RequestBody(required = false) GoodwillApprovalRequest request,
                                     @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch, Actor actor) {
        Long bodyVersion = request == null ? null : request.version();
        ExpectedVersion expected = ifMatch == null ? ExpectedVersion.of(bodyVersion) : ifMatch.or(bodyVersion);
        return ClaimView.of(service.approveGoodwill(id, expected, request == null ? null : request.note(), actor));
    }

    @GetMapping("/{id}/validation")
    @PreAuthorize("hasAuthority('claims:read')")
    @Operation(summary = "List per field what must be fixed before the claim can be submitted", operationId = "validateWarrantyClaim")
    public Validation validation(@PathVariable String id) {
        WarrantyClaim claim = service.get(id);
        List<FieldProblem> problems = readiness.problems(claim);
        return new Validation(claim.getId(), claim.getClaimNumber(), problems.isEmpty(), problems, readiness.brokenRules(claim));
    }
}
