package dev.forecourt.sales.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.forecourt.sales.leads.IntentGrade;
import dev.forecourt.sales.leads.IntentGradePolicy;

/**
 * Showroom rules a store may change.
 *
 * @param discountApprovalPercent a discount above this share of the list price needs the sales manager
 * @param leadContactWithin       a lead not contacted within this time after it came in is flagged
 * @param testDriveSlot           length of a test-drive slot; slots start on multiples of it in the store's day
 * @param brand                   the brand this store sells (a 4S store is single-brand)
 * @param intentGrades            overrides of the usual intent grading, e.g.
 *                                {@code forecourt.sales.intent-grades.H.buys-within=5d},
 *                                {@code forecourt.sales.intent-grades.H.follow-up-every=1d}
 */
@ConfigurationProperties("forecourt.sales")
public record SalesSettings(
        @DefaultValue("3") BigDecimal discountApprovalPercent,
        @DefaultValue("2h") Duration leadContactWithin,
        @DefaultValue("30m") Duration testDriveSlot,
        @DefaultValue("Volkswagen") String brand,
        Map<IntentGrade, IntentGradePolicy.Rule> intentGrades) {

    /** The usual H/A/B/C grading (7, 15, 30 days, later) with this store's overrides. */
    public IntentGradePolicy intentGradePolicy() {
        return IntentGradePolicy.usual().with(intentGrades);
    }
}
