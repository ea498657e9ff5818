package dev.forecourt.parts.waiting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class WaitingLinePolicyTest {

    static final Instant T = Instant.parse("2026-12-05T02:00:00Z");

    static WaitingLine line(String ro, int quantity, Instant promisedAt, Instant addedAt) {
        return new WaitingLine("rsv-" + ro, ro, "RO-" + ro, "l1", "P1", quantity, promisedAt, addedAt);
    }

    static Supply supply(String po, int outstanding, LocalDate arrival) {
        return new Supply("id-" + po, po, 1, "P1", outstanding, arrival, T);
    }

    @Test
    void linesAreServedByPromisedTimeThoseWithoutAPromiseLastTiesByWhenTheLineWasAdded() {
        WaitingLine late = line("late", 1, T.plusSeconds(7200), T);
        WaitingLine noPromise = line("none", 1, null, T.minusSeconds(999));
        WaitingLine early = line("early", 1, T.plusSeconds(3600), T.plusSeconds(5));
        WaitingLine earlyFirstAdded = line("early0", 1, T.plusSeconds(3600), T);

        assertThat(List.of(late, noPromise, early, earlyFirstAdded).stream().sorted(WaitingLinePolicy.SERVING_ORDER).map(WaitingLine::repairOrderId))
                .containsExactly("early0", "early", "late", "none");
    }

    @Test
    void theOrderWhosePiecesCompleteALineCoversItEarliestArrivalFirstAfterTheStockOnHand() {
        WaitingLine a = line("a", 2, T.plusSeconds(60), T);
        WaitingLine b = line("b", 3, T.plusSeconds(120), T);
        WaitingLine c = line("c", 4, T.plusSeconds(180), T);
        WaitingLine d = line("d", 5, null, T);
        Supply later = supply("PO2", 3, LocalDate.of(2026, 12, 20));
        Supply sooner = supply("PO1", 2, LocalDate.of(2026, 12, 8));
        Supply unconfirmed = supply("PO3", 4, null);

        List<WaitingLinePolicy.Cover> covers = WaitingLinePolicy.cover(List.of(d, c, b, a), 2, List.of(later, unconfirmed, sooner));

        assertThat(covers).containsExactly(new WaitingLinePolicy.FromStock(a), new WaitingLinePolicy.ByOrder(b, later),
                new WaitingLinePolicy.ByOrder(c, unconfirmed), new WaitingLinePolicy.Uncovered(d));
    }

    @Test
    void nothingOrderedLeavesEveryLineUncovered() {
        assertThat(WaitingLinePolicy.cover(List.of(line("a", 1, null, T)), 0, List.of()))
                .containsExactly(new WaitingLinePolicy.Uncovered(line("a", 1, null, T)));
    }
}
