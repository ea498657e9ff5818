package dev.forecourt.parts.reservations;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import dev.forecourt.parts.catalogue.Catalogue;
import dev.forecourt.parts.catalogue.Part;
import dev.forecourt.parts.purchasing.ExpectedArrivals;
import dev.forecourt.platform.money.Money;
import dev.forecourt.parts.stock.DocumentRef;
import dev.forecourt.parts.stock.DocumentType;
import dev.forecourt.parts.stock.HeldReservation;
import dev.forecourt.parts.stock.Movement;
import dev.forecourt.parts.stock.MovementType;
import dev.forecourt.parts.stock.StockCard;
import dev.forecourt.parts.stock.StockLedger;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.domain.Lifecycle;
import dev.forecourt.platform.errors.Conflict;
import dev.forecourt.platform.errors.IllegalTransition;
import dev.forecourt.platform.errors.NotFound;
import dev.forecourt.platform.store.ForecourtProperties;

/**
 * Reserving stock for repair-order lines. The stock card is the authority: a reservation holds
 * stock exactly while the card lists it, and the card's conditional update refuses a second hold
 * for the same line, so retries and races reserve once.
 */
@Service
public class Reservations {

    private static final int ATTEMPTS = 5;

    /** Whether the call created the reservation (201) or found it already there (200). */
    public record Outcome(ReservationView reservation, boolean created) {
    }

    private final MongoTemplate mongo;
    private final Catalogue catalogue;
    private final StockLedger ledger;
    private final ForecourtProperties store;
    private final Clock clock;
    private final ExpectedArrivals expectedArrivals;

    public Reservations(MongoTemplate mongo, Catalogue catalogue, StockLedger ledger, ForecourtProperties store, Clock clock,
                        ExpectedArrivals expectedArrivals) {
        this.expectedArrivals = expectedArrivals;
        this.mongo = mongo;
        this.catalogue = catalogue;
        this.ledger = ledger;
        this.store = store;
        this.clock = clock;
    }

    public Outcome reserve(ReservationRequest request, Actor by) {
        catalogue.require(request.partNumber());
        Reservation reservation = claimLine(request, by);
        if (reservation.status() != ReservationStatus.PENDING && reservation.status() != ReservationStatus.REFUSED) {
            return new Outcome(view(reservation), false);
        }
        String id = reservation.id();
        Instant now = clock.instant();
        Movement movement = new Movement("mv-" + UUID.randomUUID(), request.partNumber(), MovementType.RESERVATION, 0,
                reservation.quantity(), new DocumentRef(DocumentType.REPAIR_ORDER, reservation.repairOrderId()), id, null, by, now);
        HeldReservation held = new HeldReservation(id, reservation.repairOrderId(), reservation.lineId(), reservation.quantity(), now);
        Optional<StockCard> after = ledger.apply(movement,
                where(StockCard.AVAILABLE).gte(reservation.quantity()).and(StockCard.reservationPath(id)).exists(false),
                new Update().set(StockCard.reservationPath(id), held),
                new PartsReserved(id, reservation.repairOrderId(), reservation.lineId(), reservation.partNumber(),
                        reservation.quantity(), by.username(), now));
        if (after.isPresent()) {
            return new Outcome(view(setStatus(id, ReservationStatus.ACTIVE, null, null, null)), true);
        }
        StockCard card = ledger.card(request.partNumber());
        if (card.heldReservation(id) != null) {
            // a concurrent call for the same line won: this one answers like a retry
            return new Outcome(view(setStatus(id, ReservationStatus.ACTIVE, null, null, null)), false);
        }
        setStatus(id, ReservationStatus.REFUSED, null, null, null);
        // the line now waits: an order confirmed before it may already cover it (its confirmation did not know the line)
        expectedArrivals.lineMayWait(reservation.repairOrderId(), List.of(reservation.lineId()));
        throw new Conflict("stock-insufficient", "Not enough stock",
                        "Only " + card.getAvailable() + " of " + request.partNumber() + " available, " + reservation.quantity() + " requested")
                .with("available", card.getAvailable()).with("partNumber", request.partNumber());
    }

    /**
     * Reserves a waiting line (its reservation was refused) because goods arrived: the whole line
     * quantity if that much is available right now, else nothing. The card's condition refuses a
     * second hold for the line, so a concurrent retry by the workshop or a second pass reserves once.
     *
     * @return true if this call reserved the line
     */
    public boolean reserveWaiting(String reservationId, String goodsReceiptId, String purchaseOrderNumber, Actor by) {
        Reservation waiting = mongo.findById(reservationId, Reservation.class);
        if (waiting == null || waiting.status() != ReservationStatus.REFUSED) {
            return false;
        }
        Instant now = clock.instant();
        Movement movement = new Movement("mv-" + UUID.randomUUID(), waiting.partNumber(), MovementType.RESERVATION, 0,
                waiting.quantity(), new DocumentRef(DocumentType.REPAIR_ORDER, waiting.repairOrderId()), reservationId,
                "goods receipt " + goodsReceiptId, by, now);
        HeldReservation held = new HeldReservation(reservationId, waiting.repairOrderId(), waiting.lineId(), waiting.quantity(), now);
        Optional<StockCard> after = ledger.apply(movement,
                where(StockCard.AVAILABLE).gte(waiting.quantity()).and(StockCard.reservationPath(reservationId)).exists(false),
                new Update().set(StockCard.reservationPath(reservationId), held),
                new PartsReserved(reservationId, waiting.repairOrderId(), waiting.lineId(), waiting.partNumber(), waiting.quantity(),
                        by.username(), now),
                new WaitingLineReserved(reservationId, waiting.repairOrderId(), waiting.lineId(), waiting.partNumber(), waiting.quantity(),
                        purchaseOrderNumber, goodsReceiptId, now));
        if (after.isEmpty()) {
            if (ledger.card(waiting.partNumber()).heldReservation(reservationId) != null) {
                setStatus(reservationId, ReservationStatus.ACTIVE, null, null, null);
            }
            return false;
        }
        setStatus(reservationId, ReservationStatus.ACTIVE, null, null, null);
        return true;
    }

    /** Gives the held stock back. Releasing a released reservation answers it unchanged. */
    public ReservationView release(String id, String reason, Actor by) {
        Reservation reservation = require(id);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            HeldReservation held = ledger.card(reservation.partNumber()).heldReservation(id);
            if (held == null) {
                return releasedAlready(reservation, reason, by);
            }
            Instant now = clock.instant();
            Movement movement = new Movement("mv-" + UUID.randomUUID(), reservation.partNumber(),
                    MovementType.RESERVATION_RELEASE, 0, -held.quantity(),
                    new DocumentRef(DocumentType.REPAIR_ORDER, reservation.repairOrderId()), id, reason, by, now);
            Optional<StockCard> after = ledger.apply(movement,
                    where(StockCard.reservationPath(id) + ".quantity").is(held.quantity()),
                    new Update().unset(StockCard.reservationPath(id)),
                    new ReservationReleased(id, reservation.repairOrderId(), reservation.lineId(), reservation.partNumber(),
                            held.quantity(), reason, by.username(), now));
            if (after.isPresent()) {
                return view(setStatus(id, ReservationStatus.RELEASED, now, by, reason));
            }
        }
        throw new Conflict("reservation-busy", "Reservation changing",
                "The reservation kept changing while being released; try again");
    }

    /** Releases every reservation still holding stock for a repair order (it was cancelled). */
    public int releaseAllOf(String repairOrderId, String reason, Actor by) {
        int released = 0;
        for (Reservation reservation : mongo.find(query(where("repairOrderId").is(repairOrderId)), Reservation.class)) {
            if (ledger.card(reservation.partNumber()).heldReservation(reservation.id()) != null) {
                release(reservation.id(), reason, by);
                released++;
            }
        }
        return released;
    }

    /** Releases the reservation of one repair-order line if it still holds stock (the line was removed). */
    public void releaseLine(String repairOrderId, String lineId, String reason, Actor by) {
        Reservation reservation = mongo.findById(ReservationIds.of(repairOrderId, lineId), Reservation.class);
        if (reservation != null && ledger.card(reservation.partNumber()).heldReservation(reservation.id()) != null) {
            release(reservation.id(), reason, by);
        }
    }

    /** Called by issuing once an issue used the reservation up. */
    public void recordConsumed(String id, Actor by, Instant at) {
        setStatus(id, ReservationStatus.CONSUMED, at, by, "issued");
    }

    public ReservationView get(String id) {
        return view(require(id));
    }

    public List<ReservationView> ofRepairOrder(String repairOrderId) {
        return mongo.find(query(where("repairOrderId").is(repairOrderId)).with(Sort.by("requestedAt", "_id")), Reservation.class)
                .stream().map(this::view).toList();
    }

    /** The line's record: created PENDING the first time, found on a retry. The id is the unique key. */
    private Reservation claimLine(ReservationRequest request, Actor by) {
        Reservation fresh = Reservation.pending(store.storeId(), request, by, clock.instant());
        Reservation existing = mongo.findById(fresh.id(), Reservation.class);
        if (existing == null) {
            try {
                return mongo.insert(fresh);
            } catch (DuplicateKeyException raced) {
                existing = mongo.findById(fresh.id(), Reservation.class);
            }
        }
        if (!existing.partNumber().equals(request.partNumber())) {
            throw new Conflict("reservation-line-taken", "Line already reserved",
                    "Line " + request.lineId() + " of repair order " + request.repairOrderId() + " reserves part " + existing.partNumber());
        }
        return existing;
    }

    private ReservationView releasedAlready(Reservation reservation, String reason, Actor by) {
        Reservation current = require(reservation.id());
        return switch (current.status()) {
            case RELEASED -> view(current);
            // the card no longer holds it although the record still says so: the release or issue that
            // took it did not get to update the record; the ledger shows which
            case PENDING, ACTIVE, REFUSED -> view(setStatus(current.id(), ReservationStatus.RELEASED, clock.instant(), by, reason));
            case CONSUMED -> throw new IllegalTransition("The reservation was used up by an issue", current.status());
        };
    }

    private Reservation setStatus(String id, ReservationStatus status, Instant closedAt, Actor closedBy, String reason) {
        Reservation current = require(id);
        if (current.status() == status && status.isFinal()) {
            return current;
        }
        Lifecycle.requireTransition(current.status(), status);
        Update update = new Update().set("status", status);
        if (closedAt != null) {
            update.set("closedAt", closedAt).set("closedBy", closedBy).set("closeReason", reason);
        }
        mongo.updateFirst(query(where("_id").is(id)), update, Reservation.class);
        return require(id);
    }

    private Reservation require(String id) {
        Reservation reservation = mongo.findById(id, Reservation.class);
        if (reservation == null) {
            throw new NotFound("Reservation", id);
        }
        return reservation;
    }

    private ReservationView view(Reservation reservation) {
        Money unitPrice = catalogue.find(reservation.partNumber()).map(Part::getPrice).orElse(null);
        return ReservationView.of(reservation, ledger.find(reservation.partNumber()).map(c -> c.heldReservation(reservation.id())).orElse(null),
                unitPrice);
    }
}
