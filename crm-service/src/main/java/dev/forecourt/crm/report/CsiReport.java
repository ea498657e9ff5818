package dev.forecourt.crm.report;

import java.math.BigDecimal;
import java.util.List;

/**
 * Customer satisfaction of a period. CSI of one call = mean of its answered questionnaire items
 * (1–10) × 10; CSI of a group = mean of its calls' CSI, one decimal. Only completed follow-up
 * calls with a questionnaire count.
 */
public record CsiReport(Period period, int target, Row overall, List<Row> departments, List<StaffRow> staff) {

    public record Row(String department, int callbacks, BigDecimal csi, boolean meetsTarget) {
    }

    /** A consultant (sales) or advisor (after-sales) by the calls about their customers. */
    public record StaffRow(String department, String staffId, String staffName, int callbacks, BigDecimal csi,
                           boolean meetsTarget) {
    }
}
