package dev.forecourt.parts.issuing;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.forecourt.parts.countersales.CounterSales;
import dev.forecourt.parts.repairorders.PartsLine;
import dev.forecourt.parts.repairorders.RepairOrder;
import dev.forecourt.parts.repairorders.RepairOrders;
import dev.forecourt.parts.reservations.ReservationIds;
import dev.forecourt.parts.stock.DocumentRef;
import dev.forecourt.parts.stock.DocumentType;
import dev.forecourt.parts.stock.StockLedger;
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.RuleViolated;

/**
 * Finds the document an issue (or a return) is booked against, and refuses what the store must
 * not hand out against: a repair order parts-service does not know, one already handed over or
 * cancelled, a line of another part, an unknown counter sale. The storekeeper may name the repair
 * order by its number ({@code RO2026000006}) or its id; movements always record the id.
 */
@Component
class IssueDocuments {

    private final RepairOrders repairOrders;
    private final CounterSales counterSales;
    private final StockLedger ledger;

    IssueDocuments(RepairOrders repairOrders, CounterSales counterSales, StockLedger ledger) {
        this.repairOrders = repairOrders;
        this.counterSales = counterSales;
        this.ledger = ledger;
    }

    /** @param lineId the line asked for; for a repair order without one, the order's line of that part is used */
    DocumentRef resolve(IssueRequest.IssueDocumentType type, String reference, String partNumber, String lineId) {
        return switch (type) {
            case REPAIR_ORDER -> repairOrderLine(openRepairOrder(reference), partNumber, lineId);
            case COUNTER_SALE -> {
                CounterSales.SaleNumber sale = counterSales.numberOf(reference).orElseThrow(() -> new RuleViolated("counter-sale-unknown",
                        "Unknown counter sale", "There is no counter sale " + reference, new FieldProblem("document.id", "is not a counter sale")));
                yield new DocumentRef(DocumentType.COUNTER_SALE, sale.id(), sale.saleNumber(), lineId);
            }
        };
    }

    RepairOrder openRepairOrder(String reference) {
        RepairOrder order = repairOrders.byIdOrNumber(reference).orElseThrow(() -> new RuleViolated("repair-order-unknown",
                "Unknown repair order", "Parts-service knows no repair order " + reference
                        + " (by id or number); parts are issued only against an open repair order",
                new FieldProblem("document.id", "is not a known repair order")));
        if (!order.isOpen()) {
            throw new RuleViolated("repair-order-closed", "Repair order closed", "Repair order " + order.getOrderNumber() + " is "
                    + order.getStatus() + ": nothing more is issued or returned against it",
                    new FieldProblem("document.id", "is " + order.getStatus())).with("orderStatus", order.getStatus());
        }
        return order;
    }

    DocumentRef repairOrderLine(RepairOrder order, String partNumber, String lineId) {
        PartsLine line;
        if (lineId != null) {
            line = order.line(lineId).orElseThrow(() -> mismatch(order, "Repair order " + order.getOrderNumber() + " has no parts line "
                    + lineId, "lineId", "is not a parts line of " + order.getOrderNumber()));
            if (!line.partNumber().equals(partNumber)) {
                throw mismatch(order, "Line " + lineId + " of repair order " + order.getOrderNumber() + " is for part " + line.partNumber()
                        + ", not " + partNumber, "partNumber", "must be " + line.partNumber() + " for line " + lineId)
                        .with("linePartNumber", line.partNumber());
            }
        } else {
            List<PartsLine> lines = order.linesOf(partNumber);
            if (lines.isEmpty()) {
                throw mismatch(order, "Repair order " + order.getOrderNumber() + " has no parts line for part " + partNumber, "partNumber",
                        "is on no parts line of " + order.getOrderNumber());
            }
            line = lines.size() == 1 ? lines.get(0) : lineHoldingStock(order, lines, partNumber);
        }
        return new DocumentRef(DocumentType.REPAIR_ORDER, order.getId(), order.getOrderNumber(), line.lineId());
    }

    /** Of several lines of the part, the one whose reservation still holds stock: issuing by the order draws from it. */
    private PartsLine lineHoldingStock(RepairOrder order, List<PartsLine> lines, String partNumber) {
        var card = ledger.card(partNumber);
        return lines.stream().filter(l -> card.heldReservation(ReservationIds.of(order.getId(), l.lineId())) != null)
                .findFirst().orElse(lines.get(0));
    }

    private static RuleViolated mismatch(RepairOrder order, String detail, String field, String problem) {
        return new RuleViolated("parts-line-mismatch", "Not a parts line of this order", detail, new FieldProblem(field, problem))
                .with("orderNumber", order.getOrderNumber());
    }
}
