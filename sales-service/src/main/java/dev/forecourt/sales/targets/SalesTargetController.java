package dev.forecourt.sales.targets;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.money.Money;
import dev.forecourt.platform.web.Versioned;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/sales-targets")
@Tag(name = "Sales targets", description = "Monthly and yearly targets (销售计划) per store, consultant and model")
class SalesTargetController {

    record SetTarget(@NotBlank @Size(max = 7) String period, @Size(max = 60) String consultantId, @Size(max = 100) String consultantName,
                     @Size(max = 60) String model, @NotNull @PositiveOrZero @Max(100_000) Integer orders,
                     @NotNull @PositiveOrZero @Max(100_000) Integer deliveries, @NotNull @Valid Money revenue) {
    }

    record ChangeTarget(@NotNull @PositiveOrZero @Max(100_000) Integer orders, @NotNull @PositiveOrZero @Max(100_000) Integer deliveries,
                        @NotNull @Valid Money revenue, Long version) {
    }

    record SalesTargetView(String id, String period, SalesTarget.Scope scope, String consultantId, String consultantName, String model,
                           int orders, int deliveries, Money revenue, Instant setAt, String setBy, Long version) implements Versioned {
        static SalesTargetView of(SalesTarget t) {
            return new SalesTargetView(t.getId(), t.getPeriod(), t.getScope(), t.getConsultantId(), t.getConsultantName(), t.getModel(),
                    t.getOrders(), t.getDeliveries(), t.getRevenue(), t.getSetAt(), t.getSetBy(), t.getVersion());
        }
    }

    private final SalesTargets targets;

    SalesTargetController(SalesTargets targets) {
        this.targets = targets;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('sales-targets:write')")
    @Operation(summary = "Set a target for a month (yyyy-MM) or year (yyyy): the store's, a consultant's or a model's; "
            + "409 target-exists when that period and scope have one", operationId = "setSalesTarget")
    ResponseEntity<SalesTargetView> set(@Valid @RequestBody SetTarget r, Actor actor) {
        SalesTarget target = targets.set(r.period(), r.consultantId(), r.consultantName(), r.model(), r.orders(), r.deliveries(),
                r.revenue(), actor);
        return ResponseEntity.created(URI.create("/api/v1/sales-targets/" + target.getId())).body(SalesTargetView.of(target));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('sales-targets:write')")
    @Operation(summary = "Revise a target's figures", operationId = "changeSalesTarget")
    SalesTargetView change(@PathVariable String id, @Valid @RequestBody ChangeTarget r,
                           @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch, Actor actor) {
        ExpectedVersion expected = ifMatch == null ? ExpectedVersion.of(r.version()) : ifMatch.or(r.version());
        return SalesTargetView.of(targets.change(id, expected, r.orders(), r.deliveries(), r.revenue(), actor));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('sales-reports:read')")
    @Operation(summary = "One target; ETag is its version", operationId = "getSalesTarget")
    SalesTargetView get(@PathVariable String id) {
        return SalesTargetView.of(targets.get(id));
    }

    @GetMapping
    @PreAuthorize("hasAuthority('sales-reports:read')")
    @Operation(summary = "The targets of a period (yyyy-MM or yyyy), or all", operationId = "listSalesTargets")
    List<SalesTargetView> list(@RequestParam(required = false) String period) {
        return targets.of(period).stream().map(SalesTargetView::of).toList();
    }
}
