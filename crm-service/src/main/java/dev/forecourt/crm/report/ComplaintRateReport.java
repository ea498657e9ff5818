package dev.forecourt.crm.report;

import java.math.BigDecimal;

/**
 * The complaint rate of a period (重大问题客户投诉率): major complaints opened in the period per
 * customer contact (vehicles delivered and repair orders handed over in the period), in percent;
 * target ≤ 1 %. Normal complaints (every dissatisfaction, including those opened automatically
 * from a low callback score) are shown beside it but do not count.
 *
 * @param complaints      the major complaints (what the rate counts)
 * @param allComplaints   every complaint opened in the period
 * @param contacts        deliveries + handovers
 */
public record ComplaintRateReport(Period period, long complaints, long allComplaints, long deliveries, long handovers,
                                  long contacts, BigDecimal ratePercent, double targetPercent, boolean withinTarget) {
}
