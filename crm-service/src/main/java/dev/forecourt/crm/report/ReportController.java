package dev.forecourt.crm.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.crm.config.StoreCalendar;
import dev.forecourt.crm.customer.CustomerDirectory;
import dev.forecourt.crm.customer.CustomerStatus;
import dev.forecourt.crm.customer.Customer;
import dev.forecourt.crm.web.PageOf;
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@Tag(name = "CRM reports", description = "CSI, complaint rate, dormant customers and churn, the monthly pack")
@RestController
@RequestMapping("/api/v1/crm/reports")
@Validated
@PreAuthorize("hasAuthority('crm-reports:read')")
class ReportController {

    private final CrmReports reports;
    private final CustomerDirectory customers;
    private final StoreCalendar calendar;

    ReportController(CrmReports reports, CustomerDirectory customers, StoreCalendar calendar) {
        this.reports = reports;
        this.customers = customers;
        this.calendar = calendar;
    }

    @Operation(summary = "CSI per department and per consultant/advisor for the week (Monday–Sunday) containing the date")
    @GetMapping("/csi/weekly")
    CsiReport weekly(@RequestParam(required = false) LocalDate date) {
        return reports.csi(Period.weekOf(date != null ? date : calendar.today()));
    }

    @Operation(summary = "CSI per department and per consultant/advisor for a month (yyyy-MM)")
    @GetMapping("/csi/monthly")
    CsiReport monthly(@RequestParam(required = false) String month) {
        return reports.csi(Period.month(month(month)));
    }

    @Operation(summary = "Complaint rate of a month (yyyy-MM): complaints per delivery/handover, target ≤ 1%")
    @GetMapping("/complaint-rate")
    ComplaintRateReport complaintRate(@RequestParam(required = false) String month) {
        return reports.complaintRate(Period.month(month(month)));
    }

    @Operation(summary = "Churn rate of a month (yyyy-MM) with reasons")
    @GetMapping("/churn")
    ChurnReport churn(@RequestParam(required = false) String month) {
        return reports.churn(Period.month(month(month)));
    }

    @Operation(summary = "Dormant customers, listed for reactivation")
    @GetMapping("/dormant-customers")
    PageOf<Customer> dormant(@RequestParam(defaultValue = "0") @Min(0) int page,
                             @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return customers.list(null, null, CustomerStatus.DORMANT, page, size);
    }

    @Operation(summary = "The monthly pack (yyyy-MM), due on the 3rd of the following month")
    @GetMapping("/monthly-pack")
    MonthlyPack monthlyPack(@RequestParam(required = false) String month) {
        return reports.monthlyPack(month == null ? YearMonth.from(calendar.today()).minusMonths(1) : month(month));
    }

    private YearMonth month(String month) {
        if (month == null) {
            return YearMonth.from(calendar.today());
        }
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("month must look like 2026-11", new FieldProblem("month", "expected yyyy-MM"));
        }
    }
}
