package dev.forecourt.hr.catalogue;

import java.util.List;

import dev.forecourt.hr.org.PositionDefinition;
import dev.forecourt.hr.org.Qualifications;

/**
 * The org chart a store starts with, as written in {@code store-catalogue.json}: departments,
 * positions with their job descriptions, and what each position's role may do.
 */
record StoreCatalogue(List<DepartmentEntry> departments, List<PositionEntry> positions) {

    record DepartmentEntry(String code, String nameZh, String nameEn) {
    }

    /**
     * @param allPermissions the general manager's role: every permission there is
     */
    record PositionEntry(String code, String titleZh, String titleEn, String department, String reportsTo, int headcount,
                         List<String> duties, Qualifications qualifications, List<String> permissions, boolean allPermissions) {

        PositionDefinition definition() {
            return new PositionDefinition(titleZh, titleEn, department, reportsTo, duties, qualifications, headcount, code);
        }
    }
}
