package dev.forecourt.parts.waiting;

import java.util.Collection;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.forecourt.parts.reservations.Reservations;
import dev.forecourt.parts.stock.StockLedger;
import dev.forecourt.parts.stock.SystemActor;
import dev.forecourt.platform.domain.Actor;

/**
 * When goods arrive, the waiting lines of the arrived parts are reserved in serving order (see
 * {@link WaitingLinePolicy}): each line whole or not at all, never more than is available — a line
 * that does not fit keeps waiting and the next one is tried. Every reservation is one conditional
 * update of the stock card, so concurrent arrivals, a retry by the workshop or a second pass over
 * the same receipt never reserve a line twice nor more than is on the shelf.
 */
@Service
public class ReservingOnArrival {

    private static final Logger log = LoggerFactory.getLogger(ReservingOnArrival.class);

    private final WaitingLines waitingLines;
    private final Reservations reservations;
    private final StockLedger ledger;

    ReservingOnArrival(WaitingLines waitingLines, Reservations reservations, StockLedger ledger) {
        this.waitingLines = waitingLines;
        this.reservations = reservations;
        this.ledger = ledger;
    }

    /** @return how many waiting lines this pass reserved */
    public int serve(String goodsReceiptId, String purchaseOrderNumber, Collection<String> arrivedParts) {
        Actor actor = SystemActor.because("goods arrived for a waiting repair-order line");
        int reserved = 0;
        for (String part : arrivedParts.stream().distinct().sorted().toList()) {
            List<WaitingLine> lines = waitingLines.of(List.of(part));
            int available = lines.isEmpty() ? 0 : ledger.card(part).getAvailable();
            for (WaitingLine line : lines) {
                if (available <= 0) {
                    break;
                }
                if (line.quantity() > available) {
                    continue;
                }
                if (reservations.reserveWaiting(line.reservationId(), goodsReceiptId, purchaseOrderNumber, actor)) {
                    reserved++;
                    log.info("Waiting line {} of repair order {} reserved on arrival of {}", line.lineId(), line.orderNumber(), goodsReceiptId);
                    if (!waitingLines.stillOnOpenOrder(line.repairOrderId(), line.lineId())) {
                        // the order ended (or the line went) while the goods arrived: its end may have released before this hold
                        reservations.release(line.reservationId(), "repair order " + line.orderNumber() + " ended", actor);
                    }
                }
                available = ledger.card(part).getAvailable();
            }
        }
        return reserved;
    }
}
