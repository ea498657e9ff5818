package dev.forecourt.sales.leads;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The store's intent grading: for each grade, within how long the prospect is expected to buy and
 * how soon the consultant contacts them again when the contact names no date.
 */
public record IntentGradePolicy(Map<IntentGrade, Rule> rules) {

    /** @param buysWithin the purchase horizon of the grade (null: later, open-ended) */
    public record Rule(Duration buysWithin, Duration followUpEvery) {
    }

    /** The usual 4S grading: H 7 days (contact again in 2), A 15 (3), B 30 (7), C later (14). */
    public static IntentGradePolicy usual() {
        Map<IntentGrade, Rule> rules = new EnumMap<>(IntentGrade.class);
        rules.put(IntentGrade.H, new Rule(Duration.ofDays(7), Duration.ofDays(2)));
        rules.put(IntentGrade.A, new Rule(Duration.ofDays(15), Duration.ofDays(3)));
        rules.put(IntentGrade.B, new Rule(Duration.ofDays(30), Duration.ofDays(7)));
        rules.put(IntentGrade.C, new Rule(null, Duration.ofDays(14)));
        return new IntentGradePolicy(rules);
    }

    /** The usual grading with the store's overrides. */
    public IntentGradePolicy with(Map<IntentGrade, Rule> overrides) {
        Map<IntentGrade, Rule> merged = new EnumMap<>(rules);
        if (overrides != null) {
            overrides.forEach((grade, rule) -> merged.put(grade, new Rule(
                    rule.buysWithin() != null ? rule.buysWithin() : merged.get(grade).buysWithin(),
                    rule.followUpEvery() != null ? rule.followUpEvery() : merged.get(grade).followUpEvery())));
        }
        return new IntentGradePolicy(merged);
    }

    /** When to contact the prospect again if the consultant named no date. */
    public Instant nextContactAfter(IntentGrade grade, Instant contactedAt) {
        return contactedAt.plus(rules.get(grade).followUpEvery());
    }

    /** The date by which a prospect of this grade is expected to buy; null for an open-ended grade. */
    public Instant expectedPurchaseBy(IntentGrade grade, Instant gradedAt) {
        Duration within = rules.get(grade).buysWithin();
        return within == null ? null : gradedAt.plus(within);
    }
}
