package dev.forecourt.hr.org;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.platform.errors.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/org-chart")
@Tag(name = "Org chart", description = "组织架构: positions as a tree with headcount vs filled")
class OrgChartController {

    private final Positions positions;
    private final PositionHolders holders;

    OrgChartController(Positions positions, PositionHolders holders) {
        this.positions = positions;
        this.holders = holders;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('positions:read')")
    @Operation(summary = "The org chart rooted at the general manager", operationId = "getOrgChart")
    OrgChart.Node get() {
        var roots = OrgChart.of(positions.active(), holders.activeHoldersByPosition());
        if (roots.isEmpty()) {
            throw new NotFound("Org chart root", "(no position without a superior)");
        }
        return roots.get(0);
    }
}
