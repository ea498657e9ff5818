package dev.forecourt.parts.purchasing;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.parts.suppliers.Suppliers;
import dev.forecourt.platform.paging.Page;
import dev.forecourt.platform.paging.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@RestController
@Tag(name = "Purchasing", description = "Purchase orders (订货单): drafted, approved, sent, confirmed, received against")
class PurchasingReportController {

    private final PurchasingReports reports;
    private final Suppliers suppliers;

    PurchasingReportController(PurchasingReports reports, Suppliers suppliers) {
        this.reports = reports;
        this.suppliers = suppliers;
    }

    @GetMapping("/api/v1/parts-reports/open-purchase-orders")
    @PreAuthorize("hasAuthority('purchase-orders:read')")
    @Operation(summary = "Purchase orders goods are still expected on", operationId = "reportOpenPurchaseOrders")
    Page<PurchasingReports.OpenOrder> open(@Valid @ParameterObject Paging paging) {
        return Page.of(reports.openOrders(), paging);
    }

    @GetMapping("/api/v1/parts-reports/overdue-deliveries")
    @PreAuthorize("hasAuthority('purchase-orders:read')")
    @Operation(summary = "Order lines past their promised arrival (or sending + lead time) with pieces outstanding",
            operationId = "reportOverdueDeliveries")
    Page<PurchasingReports.OverdueLine> overdue(@Valid @ParameterObject Paging paging) {
        return Page.of(reports.overdue(), paging);
    }

    @GetMapping("/api/v1/parts-reports/back-orders")
    @PreAuthorize("hasAuthority('purchase-orders:read')")
    @Operation(summary = "Back-ordered pieces by part, with the orders and the earliest promised arrival", operationId = "reportBackOrders")
    Page<PurchasingReports.BackOrder> backOrders(@Valid @ParameterObject Paging paging) {
        return Page.of(reports.backOrders(), paging);
    }

    @GetMapping("/api/v1/parts-reports/supplier-performance")
    @PreAuthorize("hasAuthority('suppliers:read')")
    @Operation(summary = "On-time, fill and rejection rates of every supplier, from its orders and receipts",
            operationId = "reportSupplierPerformance")
    Page<PurchasingReports.SupplierPerformance> performance(@Valid @ParameterObject Paging paging) {
        return Page.of(reports.supplierPerformance(), paging);
    }

    @GetMapping("/api/v1/suppliers/{id}/performance")
    @PreAuthorize("hasAuthority('suppliers:read')")
    @Operation(summary = "One supplier's on-time, fill and rejection rates", operationId = "getSupplierPerformance")
    PurchasingReports.SupplierPerformance performanceOf(@PathVariable String id) {
        return reports.performanceOf(suppliers.require(id));
    }
}
