package dev.forecourt.parts.issuing;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.platform.domain.Actor;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/v1/stock-issues")
@Tag(name = "Issuing", description = "Parts out of the store against a repair order or counter sale")
class StockIssueController {

    private final Issuing issuing;
    private final PartsReturning returning;

    StockIssueController(Issuing issuing, PartsReturning returning) {
        this.issuing = issuing;
        this.returning = returning;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('parts:issue')")
    @Operation(summary = "Issue parts; 409 stock-insufficient with the available quantity when short", operationId = "issueParts")
    @ApiResponse(responseCode = "201", description = "Issued",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = StockIssue.class)))
    @ApiResponse(responseCode = "404", description = "The part is not in the catalogue; nothing is written",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
    ResponseEntity<StockIssue> issue(@Valid @RequestBody IssueRequest request, Actor actor) {
        StockIssue issue = issuing.issue(request, actor);
        return ResponseEntity.created(URI.create("/api/v1/stock-issues/" + issue.issueId())).body(issue);
    }

    @PostMapping("/returns")
    @PreAuthorize("hasAuthority('parts:issue')")
    @Operation(summary = "Take back issued parts a repair order did not use (at most what its line was issued)",
            operationId = "returnIssuedParts")
    ResponseEntity<ReturnedParts> giveBack(@Valid @RequestBody ReturnRequest request, Actor actor) {
        return ResponseEntity.status(org.springframework.http.HttpStatus.CREATED).body(returning.giveBack(request, actor));
    }

    @GetMapping("/{issueId}")
    @PreAuthorize("hasAuthority('parts:read')")
    @Operation(summary = "One stock issue", operationId = "getStockIssue")
    StockIssue get(@PathVariable String issueId) {
        return issuing.get(issueId);
    }
}
