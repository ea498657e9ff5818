package dev.forecourt.sales.stock;

import java.time.Instant;
import java.util.List;

/** A monthly stock count as the API shows it. */
public record StockCountView(String month, Instant countedAt, String countedBy, String countedByName, List<String> expected,
                             List<String> counted, List<String> missing, List<String> unexpected, boolean reconciled) {

    public static StockCountView of(StockCount c) {
        return new StockCountView(c.month(), c.countedAt(), c.countedBy(), c.countedByName(), c.expected(), c.counted(),
                c.missing(), c.unexpected(), c.reconciled());
    }
}
