package dev.forecourt.crm.report;

import java.math.BigDecimal;
import java.util.List;

/**
 * Customer satisfaction of a period. CSI of one call = mean of its answered questionnaire items
 * (1–10) × 10; CSI of a group = mean of its calls' CSI, one decimal. Only completed follow-up
 * calls with a questionnaire count. {@code departments} splits the calls by what they followed up (sales, after-sales);
 * {@code byDepartment} scores reception, workshop, parts and sales from the questionnaire items about each (see
 * {@code Questionnaire.departmentOf}); a call counts for a department when it answered at least one of its items.
 */
public record CsiReport(Period period, int target, Row overall, List<Row> departments, List<StaffRow> staff,
                        List<Row> byDepartment) {

    public record Row(String department, int callbacks, BigDecimal csi, boolean meetsTarget) {
    }

    /** A consultant (sales) or advisor (after-sales) by the calls about their customers. */
    public record StaffRow(String department, String staffId, String staffName, int callbacks, BigDecimal csi,
                           boolean meetsTarget) {
    }
}
