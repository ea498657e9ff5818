package dev.forecourt.hr.org;

import java.util.List;

/**
 * The editable description of a position (岗位): everything HR writes on a job description.
 *
 * @param roleCode the role whose permissions holders of this position get; usually the position's own code
 */
public record PositionDefinition(String titleZh, String titleEn, String departmentCode, String reportsTo,
                                 List<String> duties, Qualifications qualifications, int headcount, String roleCode) {

    public PositionDefinition {
        duties = duties == null ? List.of() : List.copyOf(duties);
    }
}
