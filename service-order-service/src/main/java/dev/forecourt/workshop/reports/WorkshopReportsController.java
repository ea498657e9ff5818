package dev.forecourt.workshop.reports;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/workshop-reports")
@Tag(name = "Workshop reports", description = "Rework rate and the daily service report")
class WorkshopReportsController {

    private final ReworkReport rework;

    WorkshopReportsController(ReworkReport rework) {
        this.rework = rework;
    }

    @GetMapping("/rework")
    @PreAuthorize("hasAuthority('workshop:read')")
    @Operation(operationId = "reworkReport", summary = "Rework rate (返修率): orders opened as rework per order handed over, in a date range")
    ReworkReport.ReworkRate rework(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                   @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return rework.between(from, to);
    }
}
