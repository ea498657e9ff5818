package dev.forecourt.parts.countersales;

import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import dev.forecourt.parts.catalogue.Catalogue;
import dev.forecourt.parts.catalogue.Part;
import dev.forecourt.parts.issuing.IssueRequest;
import dev.forecourt.parts.issuing.IssueRequest.IssueDocument;
import dev.forecourt.parts.issuing.IssueRequest.IssueDocumentType;
import dev.forecourt.parts.issuing.Issuing;
import dev.forecourt.parts.issuing.StockIssue;
import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.RuleViolated;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.sequences.Sequences;
import dev.forecourt.platform.store.ForecourtProperties;

/** Selling parts over the counter: write the sale at catalogue prices, take the payment, hand the parts over. */
@Service
public class CounterSelling {

    /** What the counter clerk enters. */
    public record SaleLine(String partNumber, int quantity) {
    }

    private final AggregateStore aggregates;
    private final CounterSales sales;
    private final Catalogue catalogue;
    private final Issuing issuing;
    private final Sequences sequences;
    private final ForecourtProperties store;
    private final Clock clock;

    public CounterSelling(AggregateStore aggregates, CounterSales sales, Catalogue catalogue, Issuing issuing, Sequences sequences,
                          ForecourtProperties store, Clock clock) {
        this.aggregates = aggregates;
        this.sales = sales;
        this.catalogue = catalogue;
        this.issuing = issuing;
        this.sequences = sequences;
        this.store = store;
        this.clock = clock;
    }

    /** Prices every line from the catalogue (unknown parts: 422 naming the line) and numbers the sale CS&lt;year&gt;&lt;6 digits&gt;. */
    public CounterSale open(String customerId, String customerName, String customerPhone, List<SaleLine> lines, Actor by) {
        List<CounterSaleLine> priced = new ArrayList<>();
        List<FieldProblem> unknown = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            SaleLine line = lines.get(i);
            Part part = catalogue.find(line.partNumber()).orElse(null);
            if (part == null) {
                unknown.add(new FieldProblem("lines[" + i + "].partNumber", "is not in the catalogue"));
                continue;
            }
            priced.add(new CounterSaleLine("L" + (i + 1), part.getPartNumber(), part.getName(), line.quantity(), part.getPrice(),
                    CounterSale.lineTotal(part.getPrice(), line.quantity()), null));
        }
        if (!unknown.isEmpty()) {
            throw new RuleViolated("counter-sale-invalid", "Unknown parts", "Every line must name a catalogue part; nothing was written",
                    unknown.toArray(FieldProblem[]::new));
        }
        Instant now = clock.instant();
        String number = sequences.yearly("CS", Year.from(now.atZone(store.timeZone())), 6);
        String customer = customerId != null ? customerId : customerPhone == null ? null : "cust-" + customerPhone;
        return aggregates.insert(CounterSale.open("cs-" + UUID.randomUUID(), number, store.storeId(), customer, customerName,
                customerPhone, priced, by, now));
    }

    public CounterSale pay(String reference, String method, dev.forecourt.platform.money.Money amount, String paymentReference,
                           ExpectedVersion expected, Actor by) {
        String id = sales.require(reference).getId();
        Payment payment = new Payment(method, amount, paymentReference, by.username(), clock.instant());
        return aggregates.change(CounterSale.class, id, expected, sale -> sale.pay(payment));
    }

    /**
     * Issues every line not yet issued against the sale. A line short of stock stops with 409
     * stock-insufficient; the lines issued before it stay issued, and the next call issues the rest.
     * A line's issue id is derived from the sale and line, so a line is issued once.
     */
    public CounterSale issue(String reference, ExpectedVersion expected, Actor by) {
        CounterSale sale = sales.require(reference);
        if (!expected.matches(sale.getVersion())) {
            throw new dev.forecourt.platform.errors.VersionConflict("CounterSale", sale.getId(), sale.getVersion());
        }
        sale.requireIssuable();
        for (CounterSaleLine line : sale.getLines()) {
            if (line.isIssued()) {
                continue;
            }
            StockIssue issued = issuing.issue(new IssueRequest(line.partNumber(), line.quantity(),
                    new IssueDocument(IssueDocumentType.COUNTER_SALE, sale.getId()), line.lineId()), by, sale.getId() + "-" + line.lineId());
            Instant at = issued.issuedAt();
            sale = aggregates.change(CounterSale.class, sale.getId(), ExpectedVersion.ANY, s -> s.lineIssued(line.lineId(), issued.issueId(), at));
        }
        return sale;
    }

    public CounterSale cancel(String reference, String reason, ExpectedVersion expected, Actor by) {
        String id = sales.require(reference).getId();
        Instant now = clock.instant();
        return aggregates.change(CounterSale.class, id, expected, sale -> sale.cancel(reason, by, now));
    }
}
