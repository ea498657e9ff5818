package dev.forecourt.parts.planning;

import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@RestController
@Tag(name = "Planning", description = "Reorder suggestions, slow movers, stock turnover")
class PlanningController {

    private final Planning planning;

    PlanningController(Planning planning) {
        this.planning = planning;
    }

    @GetMapping("/api/v1/replenishment-suggestions")
    @PreAuthorize("hasAuthority('parts:plan')")
    @Operation(summary = "What to order: genuine OEM parts at or below their reorder point (min/max, safety stock, recent usage)",
            operationId = "listReplenishmentSuggestions")
    List<ReplenishmentSuggestion> suggestions(@RequestParam(defaultValue = "90") @Min(7) @Max(365) int usageDays,
                                              @RequestParam(defaultValue = "7") @Min(0) @Max(90) int leadTimeDays) {
        return planning.suggestions(usageDays, leadTimeDays);
    }

    @GetMapping("/api/v1/parts-reports/slow-movers")
    @PreAuthorize("hasAuthority('parts:plan')")
    @Operation(summary = "Parts in stock not issued for the given number of days", operationId = "reportSlowMovers")
    List<Planning.SlowMover> slowMovers(@RequestParam(defaultValue = "180") @Min(1) @Max(3650) int days) {
        return planning.slowMovers(days);
    }

    @GetMapping("/api/v1/parts-reports/turnover")
    @PreAuthorize("hasAuthority('parts:plan')")
    @Operation(summary = "Stock turnover of a period (cost of issues / average stock value)", operationId = "reportTurnover")
    Planning.TurnoverReport turnover(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                     @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return planning.turnover(from, to);
    }
}
