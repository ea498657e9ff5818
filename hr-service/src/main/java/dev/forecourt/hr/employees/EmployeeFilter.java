package dev.forecourt.hr.employees;

import java.util.Collection;

import org.springframework.data.mongodb.core.query.Criteria;

/**
 * What a list of employees is narrowed to. Every value is used as a typed equality or range, never
 * as a query fragment.
 *
 * @param positionCodes positions to include (a department filter becomes its positions); null for all
 * @param skill         a skill the employee must hold, with at least {@code minLevel}
 * @param status        ACTIVE by default; null for everyone on file
 */
public record EmployeeFilter(Collection<String> positionCodes, String skill, int minLevel, Employee.Status status) {

    Criteria criteria() {
        Criteria criteria = new Criteria();
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        if (positionCodes != null) {
            criteria = criteria.and("positionCode").in(positionCodes);
        }
        if (skill != null) {
            criteria = criteria.and("skills").elemMatch(Criteria.where("skill").is(skill).and("level").gte(minLevel));
        }
        return criteria;
    }
}
