package dev.forecourt.sales.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.ProblemException;
import dev.forecourt.platform.store.ForecourtProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/sales-reports")
@Tag(name = "Sales reports", description = "The evening review, lost-lead analysis, the sales board and statistics")
class SalesReportController {

    private final DailySummaries summaries;
    private final LostLeadAnalysis lostLeads;
    private final SalesBoard board;
    private final AccessorySales accessories;
    private final Clock clock;
    private final ForecourtProperties properties;

    SalesReportController(DailySummaries summaries, LostLeadAnalysis lostLeads, SalesBoard board, AccessorySales accessories,
                          Clock clock, ForecourtProperties properties) {
        this.accessories = accessories;
        this.board = board;
        this.summaries = summaries;
        this.lostLeads = lostLeads;
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

    @GetMapping("/lost-leads")
    @PreAuthorize("hasAuthority('sales-reports:read')")
    @Operation(summary = "Lost-lead analysis (战败分析) by reason, model, consultant and month for a period (default: this month to today)",
            operationId = "lostLeadAnalysis")
    LostLeadAnalysis.LostLeadReport lostLeads(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate today = LocalDate.now(clock.withZone(properties.timeZone()));
        LocalDate last = to != null ? to : today;
        LocalDate first = from != null ? from : last.withDayOfMonth(1);
        if (first.isAfter(last) || first.plusYears(5).isBefore(last)) {
            throw ProblemException.invalid("from must not be after to, and the period at most 5 years",
                    new FieldProblem("from", "must be on or before to, at most 5 years before it"));
        }
        return lostLeads.of(first, last);
    }

    @GetMapping("/board")
    @PreAuthorize("hasAuthority('sales-reports:read')")
    @Operation(summary = "The sales board (销售看板): month-to-date orders, deliveries and revenue against target, for the store, "
            + "each consultant and each model (default: this month)", operationId = "salesBoard")
    SalesBoard.Board board(@RequestParam(required = false) YearMonth month) {
        return board.board(month);
    }

    @GetMapping("/statistics")
    @PreAuthorize("hasAuthority('sales-reports:read')")
    @Operation(summary = "Monthly statistics of a year (leads, walk-ins, won, lost, orders, deliveries, revenue against target) and the year's total",
            operationId = "salesStatistics")
    SalesBoard.Statistics statistics(@RequestParam(required = false) Integer year) {
        if (year != null && (year < 1900 || year > 2199)) {
            throw ProblemException.invalid("year must lie between 1900 and 2199", new FieldProblem("year", "must be 1900–2199"));
        }
        return board.statistics(year == null ? null : Year.of(year));
    }

    @GetMapping("/accessories")
    @PreAuthorize("hasAuthority('sales-reports:read')")
    @Operation(summary = "Daily accessory sales (精品销售日报): lines, per item and totals with cost and margin (default today)",
            operationId = "dailyAccessorySales")
    AccessorySales.AccessorySalesReport accessories(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return accessories.of(date != null ? date : LocalDate.now(clock.withZone(properties.timeZone())));
    }
}
