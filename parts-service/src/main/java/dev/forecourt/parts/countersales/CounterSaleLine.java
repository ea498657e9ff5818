package dev.forecourt.parts.countersales;

import dev.forecourt.platform.money.Money;

/**
 * A line of a counter sale, priced from the catalogue when the sale was written.
 *
 * @param issueId the stock issue that handed the pieces over (null until issued)
 */
public record CounterSaleLine(String lineId, String partNumber, String name, int quantity, Money unitPrice, Money lineTotal,
                              String issueId) {

    CounterSaleLine issued(String issue) {
        return new CounterSaleLine(lineId, partNumber, name, quantity, unitPrice, lineTotal, issue);
    }

    public boolean isIssued() {
        return issueId != null;
    }
}
