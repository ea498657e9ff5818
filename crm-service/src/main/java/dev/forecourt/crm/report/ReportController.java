package dev.forecourt.crm.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.crm.config.StoreCalendar;
import dev.forecourt.crm.customer.CustomerStatus;
import dev.forecourt.crm.customer.CustomerView;
import dev.forecourt.crm.customer.Customers;
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.ProblemException;
import dev.forecourt.platform.paging.Page;
import dev.forecourt.platform.paging.Paging;
import dev.forecourt.platform.web.strict.StrictJson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;

@Tag(name = "CRM reports", description = "CSI, complaint rate, dormant customers and churn, the monthly pack")
@RestController
@RequestMapping("/api/v1/crm-reports")
@PreAuthorize("hasAuthority('crm-reports:read')")
class ReportController {

    private final CrmReports reports;
    private final Customers customers;
    private final StoreCalendar calendar;

    ReportController(CrmReports reports, Customers customers, StoreCalendar calendar) {
        this.reports = reports;
        this.customers = customers;
        this.calendar = calendar;
    }

    @Operation(summary = "CSI per department and per consultant/advisor for the week (Monday–Sunday) containing the date", operationId = "weeklyCsiReport")
    @GetMapping("/csi/weekly")
    CsiReport weekly(@RequestParam(required = false) LocalDate date) {
        return reports.csi(Period.weekOf(date != null ? date : calendar.today()));
    }

    @Operation(summary = "CSI per department and per consultant/advisor for a month (yyyy-MM)", operationId = "monthlyCsiReport")
    @GetMapping("/csi/monthly")
    CsiReport monthly(@RequestParam(required = false) String month) {
        return reports.csi(Period.month(month(month)));
    }

    @Operation(summary = "Complaint rate of a month (yyyy-MM): major complaints per vehicle delivered or repair order handed over, target ≤ 1%", operationId = "complaintRateReport")
    @GetMapping("/complaint-rate")
    ComplaintRateReport complaintRate(@RequestParam(required = false) String month) {
        return reports.complaintRate(Period.month(month(month)));
    }

    @Operation(summary = "Complaint resolution of the complaints opened in a month (yyyy-MM, default the previous one, due on the "
            + "3rd) or a date range (from, to inclusive, at most 366 days): opened, major, resolved on time, closed, verified, "
            + "reopened, still open, overdue, per department", operationId = "complaintResolutionReport")
    @GetMapping("/complaint-resolution")
    ComplaintResolutionReport complaintResolution(@RequestParam(required = false) String month,
                                                  @RequestParam(required = false) LocalDate from,
                                                  @RequestParam(required = false) LocalDate to) {
        return reports.complaintResolution(period(month, from, to, YearMonth.from(calendar.today()).minusMonths(1)), calendar.now());
    }

    /** A month (yyyy-MM), or a date range with both ends inclusive (at most 366 days), or the default month. */
    private Period period(String month, LocalDate from, LocalDate to, YearMonth defaultMonth) {
        if (from == null && to == null) {
            return Period.month(month == null ? defaultMonth : month(month));
        }
        if (from == null || to == null || month != null) {
            throw ProblemException.invalid("give either month, or both from and to",
                    new FieldProblem(from == null ? "from" : "to", "from and to go together, without month"));
        }
        if (to.isBefore(from) || to.isAfter(from.plusDays(365))) {
            throw ProblemException.invalid("to must be on or after from, at most 366 days later",
                    new FieldProblem("to", "on or after from, within 366 days"));
        }
        return new Period(from + ".." + to, from, to.plusDays(1));
    }

    @Operation(summary = "Reach rate of the delivery follow-up for the deliveries of a month (yyyy-MM) or a date range (from, to "
            + "inclusive): customer service's 3-day check and the consultants' 7-day calls, target 100 %",
            operationId = "deliveryFollowUpReport")
    @GetMapping("/delivery-follow-up")
    DeliveryFollowUpReport deliveryFollowUp(@RequestParam(required = false) String month,
                                            @RequestParam(required = false) LocalDate from,
                                            @RequestParam(required = false) LocalDate to) {
        return reports.deliveryFollowUp(period(month, from, to, YearMonth.from(calendar.today())));
    }

    @Operation(summary = "Churn rate of a month (yyyy-MM) with reasons", operationId = "churnReport")
    @GetMapping("/churn")
    ChurnReport churn(@RequestParam(required = false) String month) {
        return reports.churn(Period.month(month(month)));
    }

    @Operation(summary = "Dormant customers, listed for reactivation", operationId = "dormantCustomers")
    @GetMapping("/dormant-customers")
    Page<CustomerView> dormant(@Valid @ParameterObject Paging paging) {
        return customers.list(null, null, CustomerStatus.DORMANT, paging).map(CustomerView::of);
    }

    @Operation(summary = "The monthly pack (yyyy-MM), due on the 3rd of the following month", operationId = "monthlyPack")
    @GetMapping("/monthly-pack")
    MonthlyPackView monthlyPack(@RequestParam(required = false) String month) {
        return MonthlyPackView.of(reports.monthlyPack(month == null ? YearMonth.from(calendar.today()).minusMonths(1) : month(month)));
    }

    private YearMonth month(String month) {
        if (month == null) {
            return YearMonth.from(calendar.today());
        }
        YearMonth parsed;
        try {
            parsed = YearMonth.parse(month.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("month must look like 2026-11", new FieldProblem("month", "expected yyyy-MM"));
        }
        if (parsed.getYear() < StrictJson.FIRST_YEAR || parsed.getYear() > StrictJson.LAST_YEAR) {
            throw ProblemException.invalid("Dates must lie between " + StrictJson.FIRST_YEAR + " and " + StrictJson.LAST_YEAR,
                    new FieldProblem("month", "expected a year between " + StrictJson.FIRST_YEAR + " and " + StrictJson.LAST_YEAR));
        }
        return parsed;
    }
}
