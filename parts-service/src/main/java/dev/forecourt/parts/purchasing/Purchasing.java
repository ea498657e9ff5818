package dev.forecourt.parts.purchasing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import dev.forecourt.parts.catalogue.Catalogue;
import dev.forecourt.parts.catalogue.Part;
import dev.forecourt.parts.planning.Planning;
import dev.forecourt.parts.planning.ReplenishmentSuggestion;
import dev.forecourt.parts.suppliers.Supplier;
import dev.forecourt.parts.suppliers.Suppliers;
import dev.forecourt.parts.waiting.WaitingLines;
import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.RuleViolated;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.money.Money;
import dev.forecourt.platform.sequences.Sequences;
import dev.forecourt.platform.store.ForecourtProperties;

/** The planner's and manager's purchasing: draft, edit, approve, send, confirm, cancel. */
@Service
public class Purchasing {

    /** What the planner enters for a line. */
    public record OrderLine(String partNumber, int quantity) {
    }

    private final AggregateStore aggregates;
    private final PurchaseOrders orders;
    private final Suppliers suppliers;
    private final Catalogue catalogue;
    private final Planning planning;
    private final OemPartsOrdering oemPartsCentre;
    private final Sequences sequences;
    private final ForecourtProperties store;
    private final Clock clock;
    private final Money approvalValue;
    private final WaitingLines waitingLines;

    public Purchasing(AggregateStore aggregates, PurchaseOrders orders, Suppliers suppliers, Catalogue catalogue, Planning planning,
                      OemPartsOrdering oemPartsCentre, Sequences sequences, ForecourtProperties store, Clock clock,
                      @Value("${forecourt.parts.purchase-approval-value:20000.00}") BigDecimal approvalValue, WaitingLines waitingLines) {
        this.waitingLines = waitingLines;
        this.aggregates = aggregates;
        this.orders = orders;
        this.suppliers = suppliers;
        this.catalogue = catalogue;
        this.planning = planning;
        this.oemPartsCentre = oemPartsCentre;
        this.sequences = sequences;
        this.store = store;
        this.clock = clock;
        this.approvalValue = Money.of(approvalValue, Money.CNY);
    }

    public PurchaseOrder draft(String supplierId, List<OrderLine> lines, Actor by) {
        Supplier supplier = suppliers.require(supplierId);
        return insert(supplier, PurchaseOrder.Origin.MANUAL, priced(supplier, lines), by);
    }

    /** The replenishment suggestions (genuine OEM parts at or below their reorder point) become a draft. */
    public PurchaseOrder draftFromSuggestions(String supplierId, int usageDays, int leadTimeDays, Actor by) {
        Supplier supplier = suppliers.require(supplierId);
        List<ReplenishmentSuggestion> suggestions = planning.suggestions(usageDays, leadTimeDays);
        if (suggestions.isEmpty()) {
            throw new RuleViolated("nothing-to-order", "Nothing to order", "No part is at or below its reorder point");
        }
        return insert(supplier, PurchaseOrder.Origin.SUGGESTIONS,
                priced(supplier, suggestions.stream().map(s -> new OrderLine(s.partNumber(), s.suggestedQuantity())).toList()), by);
    }

    public PurchaseOrder editLines(String reference, List<OrderLine> lines, ExpectedVersion expected) {
        PurchaseOrder order = orders.require(reference);
        List<PurchaseOrderLine> priced = priced(suppliers.require(order.getSupplierId()), lines);
        return aggregates.change(PurchaseOrder.class, order.getId(), expected, o -> o.replaceLines(priced));
    }

    public PurchaseOrder submit(String reference, ExpectedVersion expected, Actor by) {
        Instant now = clock.instant();
        return aggregates.change(PurchaseOrder.class, orders.require(reference).getId(), expected, o -> o.submit(approvalValue, by, now));
    }

    public PurchaseOrder approve(String reference, ExpectedVersion expected, Actor by) {
        Instant now = clock.instant();
        return aggregates.change(PurchaseOrder.class, orders.require(reference).getId(), expected, o -> o.approve(by, now));
    }

    /**
     * Sends an approved order: to the OEM parts centre through its ordering system (its answer
     * confirms quantities, back orders and arrival dates at once); a local supplier's order is
     * marked sent (ordered by phone or mail) and confirmed later.
     */
    public PurchaseOrder send(String reference, ExpectedVersion expected, Actor by) {
        PurchaseOrder order = orders.require(reference);
        if (!expected.matches(order.getVersion())) {
            throw new dev.forecourt.platform.errors.VersionConflict("PurchaseOrder", order.getId(), order.getVersion());
        }
        order.requireSendable();
        Instant now = clock.instant();
        if (!order.isOemPartsCentre()) {
            return aggregates.change(PurchaseOrder.class, order.getId(), ExpectedVersion.of(order.getVersion()),
                    o -> o.sent("SUPPLIER_CONTACTED", by, now));
        }
        OemPartsOrdering.Confirmation answer = oemPartsCentre.place(store.storeId(), order.getOrderNumber(), order.getLines().stream()
                .filter(l -> !l.cancelled()).map(l -> new OemPartsOrdering.OrderLine(l.lineNo(), l.partNumber(), l.ordered())).toList());
        return sentToOem(order, answer, by, now);
    }

    /**
     * An approved order to the OEM parts centre that reached it another way (the demo data of the
     * embedded stack, which starts before the partner simulator): marked sent and confirmed with
     * the parts centre's answer.
     */
    public PurchaseOrder sentToOemParts(String reference, OemPartsOrdering.Confirmation answer, Actor by) {
        PurchaseOrder order = orders.require(reference);
        order.requireSendable();
        if (!order.isOemPartsCentre()) {
            throw new RuleViolated("purchase-order-invalid", "Not an OEM parts centre order",
                    "Purchase order " + order.getOrderNumber() + " goes to " + order.getSupplierName());
        }
        return sentToOem(order, answer, by, clock.instant());
    }

    private PurchaseOrder sentToOem(PurchaseOrder order, OemPartsOrdering.Confirmation answer, Actor by, Instant now) {
        List<PurchaseOrder.Confirmation> confirmations = answer.lines().stream()
                .map(l -> new PurchaseOrder.Confirmation(l.lineNo(), l.confirmedQuantity(), l.expectedArrival())).toList();
        WaitingLines.Snapshot waiting = waitingLines.snapshotFor(order);
        return aggregates.change(PurchaseOrder.class, order.getId(), ExpectedVersion.of(order.getVersion()), o -> {
            o.sent("OEM_PARTS_CENTRE", by, now);
            o.confirmed(confirmations, answer.oemOrderId(), now);
            o.waitingLinesExpected(waiting.coveredBy(o.getId(), o.supplies()), now);
        });
    }

    /** A supplier's confirmation entered by the planner (local suppliers answer by phone or mail). */
    public PurchaseOrder confirm(String reference, List<PurchaseOrder.Confirmation> confirmations, String supplierReference,
                                 ExpectedVersion expected) {
        Instant now = clock.instant();
        PurchaseOrder order = orders.require(reference);
        WaitingLines.Snapshot waiting = waitingLines.snapshotFor(order);
        return aggregates.change(PurchaseOrder.class, order.getId(), expected, o -> {
            o.confirmed(confirmations, supplierReference, now);
            o.waitingLinesExpected(waiting.coveredBy(o.getId(), o.supplies()), now);
        });
    }

    public PurchaseOrder cancelLine(String reference, int lineNo, String reason, ExpectedVersion expected, Actor by) {
        Instant now = clock.instant();
        return aggregates.change(PurchaseOrder.class, orders.require(reference).getId(), expected, o -> o.cancelLine(lineNo, reason, by, now));
    }

    public PurchaseOrder cancel(String reference, ExpectedVersion expected, Actor by) {
        Instant now = clock.instant();
        return aggregates.change(PurchaseOrder.class, orders.require(reference).getId(), expected, o -> o.cancel(by, now));
    }

    private PurchaseOrder insert(Supplier supplier, PurchaseOrder.Origin origin, List<PurchaseOrderLine> lines, Actor by) {
        Instant now = clock.instant();
        String number = sequences.yearly("PO", Year.from(now.atZone(store.timeZone())), 6);
        return aggregates.insert(PurchaseOrder.draft("po-" + UUID.randomUUID(), number, store.storeId(), supplier.getId(), supplier.getName(),
                supplier.isOemPartsCentre(), origin, lines, by, now));
    }

    /** Prices lines from the catalogue; unknown parts, and non-genuine parts on an OEM parts centre order, are refused. */
    private List<PurchaseOrderLine> priced(Supplier supplier, List<OrderLine> lines) {
        List<PurchaseOrderLine> priced = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            OrderLine line = lines.get(i);
            Part part = catalogue.find(line.partNumber()).orElse(null);
            if (part == null) {
                problems.add(new FieldProblem("lines[" + i + "].partNumber", "is not in the catalogue"));
            } else if (supplier.isOemPartsCentre() && !part.isGenuineOem()) {
                problems.add(new FieldProblem("lines[" + i + "].partNumber", "is not a genuine OEM part: the OEM parts centre does not supply it"));
            } else {
                priced.add(PurchaseOrderLine.of(i + 1, part.getPartNumber(), part.getName(), line.quantity(), part.getPrice()));
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleViolated("purchase-order-invalid", "Purchase order lines refused", "Nothing was written",
                    problems.toArray(FieldProblem[]::new));
        }
        return priced;
    }
}
