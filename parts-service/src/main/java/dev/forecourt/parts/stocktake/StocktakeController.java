package dev.forecourt.parts.stocktake;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.events.outbox.ExpectedVersion;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/v1/stocktakes")
@Tag(name = "Stocktakes", description = "Count sheets by bin, variances, manager approval, adjustments")
class StocktakeController {

    record StartRequest(@Size(max = 50) List<@NotBlank @Size(max = 32) String> binPrefixes) {
    }

    record Count(@NotBlank @Size(max = 20) String partNumber, @NotNull @PositiveOrZero @Max(1_000_000) Integer counted) {
    }

    record CountsRequest(@NotEmpty @Size(max = 1000) List<@Valid @NotNull Count> counts) {
    }

    private final Stocktakes stocktakes;

    StocktakeController(Stocktakes stocktakes) {
        this.stocktakes = stocktakes;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('parts:stocktake')")
    @Operation(summary = "Start a stocktake: count sheets by bin with the book quantities", operationId = "startStocktake")
    ResponseEntity<StocktakeView> start(@Valid @RequestBody(required = false) StartRequest request, Actor actor) {
        Stocktake stocktake = stocktakes.start(request == null ? null : request.binPrefixes(), actor);
        return ResponseEntity.created(URI.create("/api/v1/stocktakes/" + stocktake.getId())).body(StocktakeView.of(stocktake));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('parts:read')")
    @Operation(summary = "One stocktake with its sheets and summary (with its ETag)", operationId = "getStocktake")
    StocktakeView get(@PathVariable String id) {
        return StocktakeView.of(stocktakes.require(id));
    }

    @PutMapping("/{id}/counts")
    @PreAuthorize("hasAuthority('parts:stocktake')")
    @Operation(summary = "Record counted quantities (If-Match optional)", operationId = "recordStocktakeCounts")
    StocktakeView counts(@PathVariable String id, @Valid @RequestBody CountsRequest request,
                         @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        request.counts().forEach(c -> counts.put(c.partNumber(), c.counted()));
        return StocktakeView.of(stocktakes.record(id, counts, orAny(ifMatch)));
    }

    @PostMapping("/{id}/submit")
    @PreAuthorize("hasAuthority('parts:stocktake')")
    @Operation(summary = "Hand the counts to the parts manager (every line counted)", operationId = "submitStocktake")
    StocktakeView submit(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch,
                         Actor actor) {
        return StocktakeView.of(stocktakes.submit(id, orAny(ifMatch), actor));
    }

    @PostMapping("/{id}/recount")
    @PreAuthorize("hasAuthority('parts:approve-stocktake')")
    @Operation(summary = "Send a submitted stocktake back for recount", operationId = "recountStocktake")
    StocktakeView recount(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch) {
        return StocktakeView.of(stocktakes.recount(id, orAny(ifMatch)));
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize("hasAuthority('parts:approve-stocktake')")
    @Operation(summary = "Approve the variances and book them as adjustment movements", operationId = "approveStocktake")
    StocktakeView approve(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch,
                          Actor actor) {
        return StocktakeView.of(stocktakes.approve(id, orAny(ifMatch), actor));
    }

    private static ExpectedVersion orAny(ExpectedVersion ifMatch) {
        return ifMatch == null ? ExpectedVersion.ANY : ifMatch;
    }
}
