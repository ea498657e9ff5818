package dev.forecourt.workshop.reports;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.workshop.targets.ServiceTargets;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/workshop-reports")
@Tag(name = "Workshop reports", description = "Rework rate, the daily service report, monthly KPIs against targets")
class WorkshopReportsController {

    private final ReworkReport rework;
    private final DailyReports daily;
    private final MonthlyReports monthly;

    WorkshopReportsController(ReworkReport rework, DailyReports daily, MonthlyReports monthly) {
        this.monthly = monthly;
        this.rework = rework;
        this.daily = daily;
    }

    @GetMapping("/daily")
    @PreAuthorize("hasAuthority('workshop:read')")
    @Operation(operationId = "dailyServiceReport", summary = "The daily service report (日报) of a store day: live figures until the "
            + "service manager signs it, the frozen signed figures afterwards")
    DailyReports.DailyReportView daily(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return daily.of(date);
    }

    @PostMapping("/daily/{date}/sign")
    @PreAuthorize("hasAuthority('daily-reports:sign')")
    @Operation(operationId = "signDailyServiceReport", summary = "The service manager signs the day's report; it is frozen from then on "
            + "(409 report-already-signed the second time, 422 day-not-begun for a future day)")
    DailyReports.DailyReportView sign(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Actor actor) {
        return daily.sign(date, actor);
    }

    @GetMapping("/rework")
    @PreAuthorize("hasAuthority('workshop:read')")
    @Operation(operationId = "reworkReport", summary = "Rework rate (返修率): orders opened as rework per order handed over, in a date range")
    ReworkReport.ReworkRate rework(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                   @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return rework.between(from, to);
    }

    @GetMapping("/kpis")
    @PreAuthorize("hasAuthority('workshop:read')")
    @Operation(operationId = "afterSalesKpis", summary = "The month's after-sales KPIs against its targets: output, repair orders, "
            + "CSI, return rate (回厂率) and complaint rate, each with its target and whether it is met")
    MonthlyKpis kpis(@RequestParam @Schema(example = "2026-12", description = "yyyy-MM") String month) {
        return monthly.kpis(ServiceTargets.month(month, "month"));
    }

    @GetMapping("/technician-evaluations")
    @PreAuthorize("hasAuthority('workshop:read')")
    @Operation(operationId = "technicianEvaluations", summary = "The month's evaluation per technician (月度考核): jobs finished, hours "
            + "sold and clocked, first-time quality-check pass rate, rework of their cars")
    TechnicianEvaluation.Month technicianEvaluations(@RequestParam @Schema(example = "2026-12", description = "yyyy-MM") String month) {
        return monthly.technicianEvaluations(ServiceTargets.month(month, "month"));
    }
}
