package dev.forecourt.hr.org;

import java.time.Instant;
import java.util.List;

import dev.forecourt.platform.web.Versioned;

/** A position as the API shows it, with how many of its seats are filled. */
public record PositionView(String code, String titleZh, String titleEn, String departmentCode, String reportsTo,
                           List<String> directReports, List<String> duties, Qualifications qualifications, int headcount,
                           long filled, String roleCode, Position.Status status, int revision, Instant changedAt,
                           String changedBy, Long version) implements Versioned {

    static PositionView of(Position p, List<String> directReports, long filled) {
        return new PositionView(p.getCode(), p.getTitleZh(), p.getTitleEn(), p.getDepartmentCode(), p.getReportsTo(),
                directReports, p.getDuties(), p.getQualifications(), p.getHeadcount(), filled, p.getRoleCode(), p.getStatus(),
                p.getRevision(), p.getChangedAt(), p.getChangedBy(), p.getVersion());
    }
}
