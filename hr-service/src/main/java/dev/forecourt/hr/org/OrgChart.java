package dev.forecourt.hr.org;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The org chart as a tree from its root (the general manager) down the reporting lines, with
 * headcount against filled seats at every position.
 */
public final class OrgChart {

    /** A position in the tree; {@code vacancies} is negative when a position is over-staffed. */
    public record Node(String code, String titleZh, String titleEn, String departmentCode, int headcount, long filled,
                       long vacancies, List<Node> reports) {
    }

    private OrgChart() {
    }

    /** The tree of the active positions; empty when the store has no root position yet. */
    public static List<Node> of(List<Position> positions, Map<String, Long> filled) {
        Map<String, List<Position>> byBoss = positions.stream().filter(p -> p.getReportsTo() != null)
                .collect(Collectors.groupingBy(Position::getReportsTo));
        return positions.stream().filter(p -> p.getReportsTo() == null)
                .map(root -> node(root, byBoss, filled)).toList();
    }

    private static Node node(Position position, Map<String, List<Position>> byBoss, Map<String, Long> filled) {
        List<Node> reports = byBoss.getOrDefault(position.getCode(), List.of()).stream()
                .sorted(Comparator.comparing(Position::getDepartmentCode).thenComparing(Position::getCode))
                .map(report -> node(report, byBoss, filled)).toList();
        long holders = filled.getOrDefault(position.getCode(), 0L);
        return new Node(position.getCode(), position.getTitleZh(), position.getTitleEn(), position.getDepartmentCode(),
                position.getHeadcount(), holders, position.getHeadcount() - holders, reports);
    }
}
