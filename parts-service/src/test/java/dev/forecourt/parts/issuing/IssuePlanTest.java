package dev.forecourt.parts.issuing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.forecourt.parts.stock.HeldReservation;

class IssuePlanTest {

    private static HeldReservation held(int quantity) {
        return new HeldReservation("rsv-1", "ro-1", "line-1", quantity, Instant.EPOCH);
    }

    @Test
    void withoutAReservationEverythingComesFromAvailableStock() {
        assertThat(IssuePlan.cover(3, null)).isEqualTo(new IssuePlan(0, 3, false));
    }

    @Test
    void aSmallerIssueTakesPartOfTheReservationAndKeepsTheRest() {
        assertThat(IssuePlan.cover(2, held(5))).isEqualTo(new IssuePlan(2, 0, false));
    }

    @Test
    void anExactIssueConsumesTheReservation() {
        assertThat(IssuePlan.cover(5, held(5))).isEqualTo(new IssuePlan(5, 0, true));
    }

    @Test
    void aLargerIssueConsumesTheReservationAndTakesTheRestFromAvailableStock() {
        assertThat(IssuePlan.cover(7, held(5))).isEqualTo(new IssuePlan(5, 2, true));
    }

    @Test
    void nothingIsIssuedWithoutAPositiveQuantity() {
        assertThatThrownBy(() -> IssuePlan.cover(0, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
