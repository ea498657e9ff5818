package dev.forecourt.hr.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.errors.RuleViolated;

class OrgChartRulesTest {

    private final OrgChartRules rules = new OrgChartRules(Set.of("general-management", "after-sales"), reportingLines());

    /** general-manager ← after-sales-manager ← workshop-supervisor ← technician */
    private static Map<String, String> reportingLines() {
        Map<String, String> lines = new HashMap<>();
        lines.put("general-manager", null);
        lines.put("after-sales-manager", "general-manager");
        lines.put("workshop-supervisor", "after-sales-manager");
        lines.put("technician", "workshop-supervisor");
        return lines;
    }

    private static PositionDefinition reportingTo(String department, String boss) {
        return new PositionDefinition("技师", "Technician", department, boss, List.of("Repairs cars"),
                new Qualifications("中专", 1, List.of("Engines"), List.of("Care"), List.of()), 1, null);
    }

    private List<String> types(String code, PositionDefinition definition) {
        return rules.check(code, definition).stream().map(OrgChartRules.Violation::type).toList();
    }

    @Test
    void aNewPositionUnderAnExistingOneInAKnownDepartmentIsFine() {
        assertThat(rules.check("body-technician", reportingTo("after-sales", "workshop-supervisor"))).isEmpty();
    }

    @Test
    void aPositionMustBelongToAKnownDepartment() {
        assertThat(types("body-technician", reportingTo("body-shop", "workshop-supervisor"))).containsExactly("unknown-department");
    }

    @Test
    void aPositionMustReportToAnExistingPosition() {
        assertThat(types("body-technician", reportingTo("after-sales", "body-shop-manager"))).containsExactly("unknown-position");
    }

    @Test
    void aManagerCannotBeMovedUnderSomeoneWhoReportsToThem() {
        List<OrgChartRules.Violation> violations = rules.check("after-sales-manager", reportingTo("after-sales", "technician"));

        assertThat(violations).extracting(OrgChartRules.Violation::type).containsExactly("reports-to-cycle");
        assertThat(violations.get(0).problem().field()).isEqualTo("reportsTo");
        assertThat(violations.get(0).problem().message()).contains("technician → workshop-supervisor → after-sales-manager");
    }

    @Test
    void aPositionCannotReportToItself() {
        assertThat(types("technician", reportingTo("after-sales", "technician"))).containsExactly("reports-to-cycle");
    }

    @Test
    void onlyTheGeneralManagerReportsToNoOne() {
        assertThat(types("deputy", reportingTo("general-management", null))).containsExactly("org-chart-root");
        assertThat(rules.check("general-manager", reportingTo("general-management", null))).isEmpty();
    }

    @Test
    void everyBrokenRuleIsNamedInOneAnswer() {
        assertThatThrownBy(() -> rules.enforce("after-sales-manager", reportingTo("nowhere", "technician")))
                .isInstanceOfSatisfying(RuleViolated.class, e -> {
                    assertThat(e.type()).isEqualTo("unknown-department");
                    assertThat(e.fieldProblems()).extracting(f -> f.field()).containsExactly("departmentCode", "reportsTo");
                });
    }
}
