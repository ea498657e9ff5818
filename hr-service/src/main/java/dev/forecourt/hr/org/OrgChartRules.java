package dev.forecourt.hr.org;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.RuleViolated;

/**
 * The rules that keep the org chart a tree with the general manager at its root: a position
 * belongs to a known department, reports to an existing position, never (indirectly) to itself,
 * and only one position reports to no one.
 *
 * @param departments        codes of the store's departments
 * @param reportingLines     active position code → the position it reports to (null for the root)
 */
public record OrgChartRules(Set<String> departments, Map<String, String> reportingLines) {

    /** One broken rule: its stable problem type and the field at fault. */
    public record Violation(String type, FieldProblem problem) {
    }

    public List<Violation> check(String positionCode, PositionDefinition definition) {
        List<Violation> violations = new ArrayList<>();
        if (!departments.contains(definition.departmentCode())) {
            violations.add(new Violation("unknown-department",
                    new FieldProblem("departmentCode", "no department " + definition.departmentCode() + " in this store")));
        }
        String boss = definition.reportsTo();
        if (boss == null || boss.isBlank()) {
            reportingLines.entrySet().stream()
                    .filter(line -> line.getValue() == null && !line.getKey().equals(positionCode))
                    .findFirst()
                    .ifPresent(root -> violations.add(new Violation("org-chart-root", new FieldProblem("reportsTo",
                            "the org chart already has its root (" + root.getKey() + "); this position must report to someone"))));
        } else if (boss.equals(positionCode)) {
            violations.add(new Violation("reports-to-cycle", new FieldProblem("reportsTo", "a position cannot report to itself")));
        } else if (!reportingLines.containsKey(boss)) {
            violations.add(new Violation("unknown-position", new FieldProblem("reportsTo", "no active position " + boss)));
        } else {
            List<String> chain = chainAbove(boss, positionCode);
            if (chain.get(chain.size() - 1).equals(positionCode)) {
                violations.add(new Violation("reports-to-cycle", new FieldProblem("reportsTo",
                        "reporting to " + boss + " would form a cycle: " + positionCode + " → " + String.join(" → ", chain))));
            }
        }
        return violations;
    }

    /** Throws a 422 naming every failing field when the definition breaks a rule. */
    public void enforce(String positionCode, PositionDefinition definition) {
        List<Violation> violations = check(positionCode, definition);
        if (!violations.isEmpty()) {
            throw new RuleViolated(violations.get(0).type(), "The position breaks an org chart rule",
                    "Position " + positionCode + " cannot be placed in the org chart like this",
                    violations.stream().map(Violation::problem).toArray(FieldProblem[]::new));
        }
    }

    /** The reporting line from {@code start} upwards, stopping at the root, at {@code stopAt}, or where a loop closes. */
    private List<String> chainAbove(String start, String stopAt) {
        Set<String> seen = new LinkedHashSet<>();
        String current = start;
        while (current != null && seen.add(current) && !current.equals(stopAt)) {
            current = reportingLines.get(current);
        }
        return new ArrayList<>(seen);
    }
}
