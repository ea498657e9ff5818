package dev.forecourt.parts.purchasing;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.forecourt.parts.waiting.WaitingLinePolicy;
import dev.forecourt.parts.waiting.WaitingLines;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.events.outbox.ExpectedVersion;

/**
 * Tells the workshop when a line that starts waiting arrives, if a purchase order confirmed before
 * covers it. A confirmation tells the lines waiting at that moment; a line refused later (or learnt
 * later from the workshop's events) would otherwise never hear its date.
 *
 * <p>Coverage is the same allocation the confirmation uses ({@link WaitingLines#covers}: stock,
 * then the open order lines by arrival, in the repair orders' serving order). The event is raised
 * by the covering purchase order, which remembers each line and date it told, so retries,
 * redelivered events and a later confirmation with the same date tell a line once.
 */
@Component
public class ExpectedArrivals {

    private final WaitingLines waitingLines;
    private final AggregateStore aggregates;
    private final Clock clock;

    ExpectedArrivals(WaitingLines waitingLines, AggregateStore aggregates, Clock clock) {
        this.waitingLines = waitingLines;
        this.aggregates = aggregates;
        this.clock = clock;
    }

    /**
     * One of these lines of the repair order may have started waiting (its reservation was refused,
     * or parts-service just learnt the line or the order): each waiting line of the order covered by
     * a purchase order with an arrival date is told that order and date. Only a line whose
     * reservation was refused can wait, so the coverage is worked out for their parts alone, and
     * not at all for lines that are reserved (most).
     *
     * @return how many lines were told now (0 when already told or not covered by a dated order)
     */
    public int lineMayWait(String repairOrderId, Collection<String> lineIds) {
        Set<String> partNumbers = waitingLines.refusedParts(repairOrderId, lineIds);
        if (partNumbers.isEmpty()) {
            return 0;
        }
        List<WaitingLinePolicy.ByOrder> covered = waitingLines.covers(partNumbers).stream()
                .filter(c -> c instanceof WaitingLinePolicy.ByOrder by && by.line().repairOrderId().equals(repairOrderId)
                        && by.supply().expectedArrival() != null)
                .map(WaitingLinePolicy.ByOrder.class::cast).toList();
        int told = 0;
        for (WaitingLinePolicy.ByOrder cover : covered) {
            told += aggregates.changeReturning(() -> aggregates.find(PurchaseOrder.class, cover.supply().purchaseOrderId()),
                    ExpectedVersion.ANY, order -> order.waitingLinesExpected(List.of(cover), clock.instant())).result();
        }
        return told;
    }
}
