package dev.forecourt.parts.countersales;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.domain.Lifecycle;
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.IllegalTransition;
import dev.forecourt.platform.errors.RuleViolated;
import dev.forecourt.platform.events.outbox.OutboxAggregate;
import dev.forecourt.platform.money.Money;

/**
 * A counter sale (配件销售): parts sold over the counter to a walk-in customer or a trade buyer —
 * priced from the catalogue, paid (in one or several payments), then issued against the sale.
 */
@Document("counter_sales")
public class CounterSale extends OutboxAggregate {

    @Id
    private String id;
    @Indexed
    private String saleNumber;
    private String storeId;
    private String customerId;
    private String customerName;
    private String customerPhone;
    private List<CounterSaleLine> lines;
    private Money total;
    private List<Payment> payments = new ArrayList<>();
    private CounterSaleStatus status;
    private Instant openedAt;
    private Actor openedBy;
    private Instant closedAt;
    private String cancelReason;

    static CounterSale open(String id, String saleNumber, String storeId, String customerId, String customerName, String customerPhone,
                            List<CounterSaleLine> lines, Actor by, Instant at) {
        if (lines.isEmpty()) {
            throw new RuleViolated("counter-sale-empty", "Nothing sold", "A counter sale needs at least one line",
                    new FieldProblem("lines", "must not be empty"));
        }
        CounterSale sale = new CounterSale();
        sale.id = id;
        sale.saleNumber = saleNumber;
        sale.storeId = storeId;
        sale.customerId = customerId;
        sale.customerName = customerName;
        sale.customerPhone = customerPhone;
        sale.lines = List.copyOf(lines);
        sale.total = lines.stream().map(CounterSaleLine::lineTotal).reduce(Money::plus).orElseThrow();
        sale.status = CounterSaleStatus.OPEN;
        sale.openedAt = at;
        sale.openedBy = by;
        sale.raise(new CounterSaleEvents.CounterSaleOpened(id, saleNumber, customerId, customerName, customerPhone,
                lines.stream().map(l -> new CounterSaleEvents.SoldLine(l.lineId(), l.partNumber(), l.quantity(), l.unitPrice(),
                        l.lineTotal())).toList(), sale.total, by.username(), at));
        return sale;
    }

    /** Records a payment; the sale is PAID when the payments reach the total. Paying more than is due is refused. */
    void pay(Payment payment) {
        if (status != CounterSaleStatus.OPEN) {
            throw new IllegalTransition("Counter sale " + saleNumber + " takes no payment when " + status, status);
        }
        if (!payment.amount().currency().equals(total.currency())) {
            throw new RuleViolated("currency-mismatch", "Wrong currency", "The sale is in " + total.currency(),
                    new FieldProblem("amount.currency", "must be " + total.currency()));
        }
        if (payment.amount().amount().signum() <= 0) {
            throw new RuleViolated("payment-invalid", "Payment must be positive", "A payment needs a positive amount",
                    new FieldProblem("amount.amount", "must be greater than 0"));
        }
        Money outstanding = outstanding();
        if (payment.amount().compareTo(outstanding) > 0) {
            throw new RuleViolated("overpayment", "More than is due", "Only " + outstanding.amount() + " " + outstanding.currency()
                    + " is still due on " + saleNumber, new FieldProblem("amount.amount", "must not exceed " + outstanding.amount()))
                    .with("outstanding", outstanding);
        }
        payments = new ArrayList<>(payments());
        payments.add(payment);
        raise(new CounterSaleEvents.CounterSalePaymentRecorded(id, saleNumber, customerId, payment.method(), payment.amount(), paid(),
                outstanding(), payment.receivedBy(), payment.receivedAt()));
        if (outstanding().amount().signum() == 0) {
            status = Lifecycle.requireTransition(status, CounterSaleStatus.PAID);
            raise(new CounterSaleEvents.CounterSalePaid(id, saleNumber, customerId, total, payment.receivedAt()));
        }
    }

    /** Parts leave the store only for a sale paid in full. */
    void requireIssuable() {
        if (status != CounterSaleStatus.PAID) {
            throw new IllegalTransition("Counter sale " + saleNumber + " is issued only once paid in full (it is " + status + ")", status);
        }
    }

    /** A line was issued; once every line is, the sale is complete. */
    void lineIssued(String lineId, String issueId, Instant at) {
        lines = lines.stream().map(l -> l.lineId().equals(lineId) && !l.isIssued() ? l.issued(issueId) : l).toList();
        if (lines.stream().allMatch(CounterSaleLine::isIssued) && status == CounterSaleStatus.PAID) {
            status = Lifecycle.requireTransition(status, CounterSaleStatus.COMPLETED);
            closedAt = at;
            raise(new CounterSaleEvents.CounterSaleCompleted(id, saleNumber, customerId, at));
        }
    }

    void cancel(String reason, Actor by, Instant at) {
        if (!payments().isEmpty()) {
            throw new IllegalTransition("Counter sale " + saleNumber + " has payments: refund them before cancelling", status);
        }
        status = Lifecycle.requireTransition(status, CounterSaleStatus.CANCELLED, "Only an unpaid counter sale can be cancelled");
        closedAt = at;
        cancelReason = reason;
        raise(new CounterSaleEvents.CounterSaleCancelled(id, saleNumber, customerId, reason, by.username(), at));
    }

    public Money paid() {
        return payments().stream().map(Payment::amount).reduce(Money::plus).orElse(Money.zero(total.currency()));
    }

    public Money outstanding() {
        return total.minus(paid());
    }

    static Money lineTotal(Money unitPrice, int quantity) {
        return unitPrice.times(BigDecimal.valueOf(quantity));
    }

    public String getId() { return id; }
    public String getSaleNumber() { return saleNumber; }
    public String getCustomerId() { return customerId; }
    public String getCustomerName() { return customerName; }
    public String getCustomerPhone() { return customerPhone; }
    public List<CounterSaleLine> getLines() { return lines; }
    public Money getTotal() { return total; }
    public List<Payment> payments() { return payments == null ? List.of() : payments; }
    public CounterSaleStatus getStatus() { return status; }
    public Instant getOpenedAt() { return openedAt; }
    public Actor getOpenedBy() { return openedBy; }
    public Instant getClosedAt() { return closedAt; }
    public String getCancelReason() { return cancelReason; }
}
