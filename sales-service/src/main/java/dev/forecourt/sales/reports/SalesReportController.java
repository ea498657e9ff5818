package dev.forecourt.sales.reports;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.platform.store.ForecourtProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/sales-reports")
@Tag(name = "Sales reports", description = "The evening review")
class SalesReportController {

    private final DailySummaries summaries;
    private final Clock clock;
    private final ForecourtProperties properties;

    SalesReportController(DailySummaries summaries, Clock clock, ForecourtProperties properties) {
        this.summaries = summaries;
        this.clock = clock;
        this.properties = properties;
    }

    @GetMapping("/daily")
    @PreAuthorize("hasAuthority('sales-reports:read')")
    @Operation(summary = "Walk-ins, test drives, won and lost (with reasons) per consultant for one day (store time zone; default today)",
            operationId = "dailySalesSummary")
    DailySummary daily(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return summaries.of(date != null ? date : LocalDate.now(clock.withZone(properties.timeZone())));
    }
}
