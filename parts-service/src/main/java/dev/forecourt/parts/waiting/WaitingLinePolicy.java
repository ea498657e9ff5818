package dev.forecourt.parts.waiting;

import static java.util.Comparator.comparing;
import static java.util.Comparator.naturalOrder;
import static java.util.Comparator.nullsLast;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * Which waiting line is served first, and which purchase order covers it.
 *
 * <p>Waiting lines of a part are served in the order of their repair orders' promised times:
 * earliest first, orders without a promised time after all those with one, ties by when the line
 * was added (then by repair order and line, so the order is total and repeatable).
 *
 * <p>Coverage: the pieces available now and then the pieces still to come on the part's open
 * order lines (earliest confirmed arrival first, unconfirmed lines last, then by drafting) are
 * allotted to the waiting lines in serving order, whole lines only; a line is covered by the order
 * line whose pieces complete it, by the stock on hand if those suffice, or by nothing.
 */
public final class WaitingLinePolicy {

    public static final Comparator<WaitingLine> SERVING_ORDER = comparing(WaitingLine::promisedAt, nullsLast(naturalOrder()))
            .thenComparing(WaitingLine::addedAt, nullsLast(naturalOrder()))
            .thenComparing(WaitingLine::repairOrderId)
            .thenComparing(WaitingLine::lineId);

    static final Comparator<Supply> ARRIVAL_ORDER = comparing(Supply::expectedArrival, nullsLast(naturalOrder()))
            .thenComparing(Supply::draftedAt, nullsLast(naturalOrder()))
            .thenComparing(Supply::purchaseOrderNumber)
            .thenComparingInt(Supply::lineNo);

    /** What covers one waiting line. */
    public sealed interface Cover {
        WaitingLine line();
    }

    /** Enough is on the shelf now (nobody has asked again yet). */
    public record FromStock(WaitingLine line) implements Cover {
    }

    /** The pieces of this order line complete the line. */
    public record ByOrder(WaitingLine line, Supply supply) implements Cover {
    }

    /** Nothing ordered so far reaches the line. */
    public record Uncovered(WaitingLine line) implements Cover {
    }

    private WaitingLinePolicy() {
    }

    /**
     * @param lines     waiting lines of ONE part (any order)
     * @param available pieces of the part available now
     * @param supplies  open order lines of the same part (any order)
     * @return one cover per line, in serving order
     */
    public static List<Cover> cover(List<WaitingLine> lines, int available, List<Supply> supplies) {
        List<WaitingLine> serving = lines.stream().sorted(SERVING_ORDER).toList();
        Iterator<Supply> coming = supplies.stream().filter(s -> s.outstanding() > 0).sorted(ARRIVAL_ORDER).iterator();
        long supplied = Math.max(0, available);
        long demanded = 0;
        Supply last = null;
        List<Cover> covers = new ArrayList<>();
        for (WaitingLine line : serving) {
            demanded += line.quantity();
            while (supplied < demanded && coming.hasNext()) {
                last = coming.next();
                supplied += last.outstanding();
            }
            if (supplied < demanded) {
                covers.add(new Uncovered(line));
            } else if (last == null) {
                covers.add(new FromStock(line));
            } else {
                covers.add(new ByOrder(line, last));
            }
        }
        return covers;
    }
}
