package dev.forecourt.crm.report;

import java.math.BigDecimal;
import java.util.Map;


/**
 * Customers lost in a period: those who became dormant in it, as a share of the customers who were
 * active at its start; reasons as the reactivation calls learned them (UNKNOWN until called).
 */
public record ChurnReport(Period period, long customers, long dormantNow, long newlyDormant, long activeAtStart,
                          BigDecimal churnRatePercent, Map<String, Long> reasons) {
}
