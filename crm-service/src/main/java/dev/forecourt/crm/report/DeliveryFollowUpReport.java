package dev.forecourt.crm.report;

import java.math.BigDecimal;
import java.util.List;

/**
 * How the deliveries of a period were followed up: customer service's 3-day check and the
 * consultant's 7-day call (7DC), each to be 100 % reached. Calls are counted by the delivery that
 * caused them (its time in the period); deliveries without a call had no consent to be called.
 *
 * @param deliveries vehicles delivered in the period
 */
public record DeliveryFollowUpReport(Period period, long deliveries, List<KindRow> calls, List<ConsultantRow> consultants) {

    /**
     * @param reachRatePercent reached ÷ calls; the target is 100
     * @param onTimePercent    reached by the deadline ÷ calls
     */
    public record KindRow(String kind, int targetPercent, long calls, long reached, long reachedOnTime, long notReached,
                          long open, long cancelled, BigDecimal reachRatePercent, BigDecimal onTimePercent, boolean meetsTarget) {
    }

    /** A consultant's own 7-day calls. */
    public record ConsultantRow(String staffId, String staffName, long calls, long reached, long reachedOnTime,
                                BigDecimal reachRatePercent) {
    }
}
