package dev.forecourt.parts.stock;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Copies to the ledger the movements left on cards that have gone quiet: the tail of a batch no
 * further change of the card fills, or what a request booked but did not copy because the process
 * stopped. It re-checks the reorder point of those cards too (the process may have stopped before
 * that check). Like the outbox relay's sweep, it is the safety net behind the fast path; a busy
 * card copies its own batches, so the sweeper leaves it alone.
 */
@Component
class LedgerSweeper {

    private static final int CARDS_PER_SWEEP = 500;
    /** No movement for this long: the card's leftovers are not going to fill a batch soon. */
    private static final Duration QUIET = Duration.ofSeconds(5);

    private final StockLedger ledger;
    private final Clock clock;

    LedgerSweeper(StockLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${forecourt.parts.ledger-sweep-interval:5s}")
    void sweep() {
        List<StockCard> quiet = ledger.quietCardsWithLeftovers(clock.instant().minus(QUIET), CARDS_PER_SWEEP);
        quiet.forEach(ledger::watchReorderPoint);
        ledger.copyToLedger(quiet.stream().flatMap(card -> card.getUnledgered().stream()).toList());
    }
}
