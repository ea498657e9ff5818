package dev.forecourt.parts.planning;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplenishmentPolicyTest {

    private final ReplenishmentPolicy policy = new ReplenishmentPolicy(30, 7);

    private static ReplenishmentPolicy.Facts facts(int available, int min, int max, int safety, int used) {
        return new ReplenishmentPolicy.Facts("06L115562B", "Oil filter", available, min, max, safety, used);
    }

    @Test
    void aPartAboveItsMinimumIsNotOrdered() {
        assertThat(policy.suggest(facts(11, 10, 40, 5, 0))).isEmpty();
    }

    @Test
    void aPartAtItsMinimumIsOrderedUpToItsMaximum() {
        ReplenishmentSuggestion suggestion = policy.suggest(facts(10, 10, 40, 5, 0)).orElseThrow();
        assertThat(suggestion.reorderPoint()).isEqualTo(10);
        assertThat(suggestion.suggestedQuantity()).isEqualTo(30);
    }

    @Test
    void briskUsageRaisesTheReorderPointAboveTheMinimum() {
        // 60 in 30 days = 2 a day; 7 days of lead time need 14, plus 5 safety = 19 > min 10
        ReplenishmentSuggestion suggestion = policy.suggest(facts(15, 10, 40, 5, 60)).orElseThrow();
        assertThat(suggestion.averageDailyUsage()).isEqualTo(2.0);
        assertThat(suggestion.reorderPoint()).isEqualTo(19);
        assertThat(suggestion.suggestedQuantity()).isEqualTo(25);
    }

    @Test
    void whenUsageOutgrowsTheMaximumTheOrderCoversTheReorderPoint() {
        ReplenishmentSuggestion suggestion = policy.suggest(facts(0, 2, 6, 1, 300)).orElseThrow();
        assertThat(suggestion.reorderPoint()).isEqualTo(71);
        assertThat(suggestion.orderUpTo()).isEqualTo(71);
    }

    @Test
    void aPartWithoutLevelsOrUsageIsNeverSuggested() {
        assertThat(policy.suggest(facts(0, 0, 0, 0, 0))).isEmpty();
    }
}
