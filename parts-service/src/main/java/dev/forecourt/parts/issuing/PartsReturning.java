package dev.forecourt.parts.issuing;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Service;

import dev.forecourt.parts.repairorders.RepairOrder;
import dev.forecourt.parts.stock.DocumentRef;
import dev.forecourt.parts.stock.Movement;
import dev.forecourt.parts.stock.MovementType;
import dev.forecourt.parts.stock.StockLedger;
import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.RuleViolated;

/**
 * Parts issued to a repair order and not fitted come back to the shelf (退料): on hand and
 * available up, at most what the line was issued net of earlier returns, and only while the order
 * is open.
 */
@Service
public class PartsReturning {

    private final IssueDocuments documents;
    private final StockLedger ledger;
    private final Clock clock;

    PartsReturning(IssueDocuments documents, StockLedger ledger, Clock clock) {
        this.documents = documents;
        this.ledger = ledger;
        this.clock = clock;
    }

    public ReturnedParts giveBack(ReturnRequest request, Actor by) {
        RepairOrder order = documents.openRepairOrder(request.repairOrder());
        DocumentRef document = documents.repairOrderLine(order, request.partNumber(), request.lineId());
        int issued = ledger.netIssued(request.partNumber(), order.getId(), document.lineId());
        if (request.quantity() > issued) {
            throw new RuleViolated("return-exceeds-issued", "More than was issued", "Line " + document.lineId() + " of "
                    + order.getOrderNumber() + " holds " + issued + " issued piece(s) of " + request.partNumber(),
                    new FieldProblem("quantity", "must not exceed " + issued)).with("issued", issued);
        }
        String returnId = "ret-" + UUID.randomUUID();
        Movement movement = new Movement(returnId, request.partNumber(), MovementType.ISSUE_RETURN, request.quantity(), 0, document,
                null, request.reason(), by, clock.instant());
        var after = ledger.apply(movement, null, new org.springframework.data.mongodb.core.query.Update(),
                new PartsReturned(returnId, request.partNumber(), request.quantity(), order.getId(), order.getOrderNumber(),
                        document.lineId(), request.reason(), by.username(), movement.at()));
        return ReturnedParts.of(movement, after.map(card -> card.level()).orElse(null));
    }
}
