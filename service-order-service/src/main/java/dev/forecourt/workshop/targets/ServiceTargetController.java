package dev.forecourt.workshop.targets;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.money.Money;
import dev.forecourt.platform.web.Versioned;
import dev.forecourt.workshop.repairorder.RepairOrderView.StaffView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/service-targets")
@Tag(name = "Service targets", description = "Monthly after-sales targets (月度服务目标) the KPI report measures against")
class ServiceTargetController {

    record SetServiceTargets(@NotNull @Valid @Schema(description = "output (产值) of the orders handed over, net of VAT, CNY") Money output,
                             @NotNull @Min(0) @Max(100_000) @Schema(description = "repair orders opened (进厂台次)") Integer repairOrders,
                             @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2)
                             @Schema(description = "customer satisfaction, 0–100 as CRM scores it") BigDecimal csi,
                             @NotNull @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 4)
                             @Schema(description = "highest acceptable return rate (回厂率) as a fraction, e.g. 0.02") BigDecimal returnRate,
                             @NotNull @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 4)
                             @Schema(description = "highest acceptable complaint rate as a fraction, e.g. 0.01") BigDecimal complaintRate,
                             @Schema(nullable = true, description = "the version read, instead of If-Match") Long version) {
    }

    record ServiceTargetView(String month, Money output, int repairOrders, BigDecimal csi, BigDecimal returnRate,
                             BigDecimal complaintRate, StaffView setBy, Instant setAt, Long version) implements Versioned {
        static ServiceTargetView of(ServiceTarget t) {
            return new ServiceTargetView(t.getId(), t.getOutput(), t.getRepairOrders(), t.getCsi(), t.getReturnRate(),
                    t.getComplaintRate(), StaffView.of(t.getSetBy()), t.getSetAt(), t.getVersion());
        }
    }

    private final ServiceTargets targets;

    ServiceTargetController(ServiceTargets targets) {
        this.targets = targets;
    }

    @PutMapping("/{month}")
    @PreAuthorize("hasAuthority('service-targets:write')")
    @Operation(operationId = "setServiceTargets", summary = "The service director sets (or replaces) a month's after-sales targets: "
            + "output, repair orders, CSI, return rate and complaint rate")
    ServiceTargetView set(@PathVariable String month, @Valid @RequestBody SetServiceTargets body,
                          @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch, Actor actor) {
        ExpectedVersion expected = ifMatch == null ? ExpectedVersion.of(body.version()) : ifMatch.or(body.version());
        return ServiceTargetView.of(targets.set(ServiceTargets.month(month, "month"), body.output(), body.repairOrders(), body.csi(),
                body.returnRate(), body.complaintRate(), actor, expected));
    }

    @GetMapping("/{month}")
    @PreAuthorize("hasAuthority('workshop:read')")
    @Operation(operationId = "getServiceTargets", summary = "A month's after-sales targets (404 when none were set)")
    ServiceTargetView get(@PathVariable String month) {
        return ServiceTargetView.of(targets.get(ServiceTargets.month(month, "month")));
    }
}
