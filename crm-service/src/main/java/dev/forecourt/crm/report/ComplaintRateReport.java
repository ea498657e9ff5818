package dev.forecourt.crm.report;

import java.math.BigDecimal;

/**
 * Complaints opened in the period per customer contact (vehicle deliveries and repair-order
 * handovers, counted by the follow-ups they caused), in percent.
 */
public record ComplaintRateReport(Period period, long complaints, long contacts, BigDecimal ratePercent,
                                  double targetPercent, boolean withinTarget) {
}
