package dev.forecourt.parts.issuing;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import dev.forecourt.parts.catalogue.Catalogue;
import dev.forecourt.parts.reservations.ReservationIds;
import dev.forecourt.parts.reservations.Reservations;
import dev.forecourt.parts.stock.DocumentRef;
import dev.forecourt.parts.stock.DocumentType;
import dev.forecourt.parts.stock.HeldReservation;
import dev.forecourt.parts.stock.Movement;
import dev.forecourt.parts.stock.MovementType;
import dev.forecourt.parts.stock.StockCard;
import dev.forecourt.parts.stock.StockLedger;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.Conflict;
import dev.forecourt.platform.errors.NotFound;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Issuing parts against a document, never below zero. */
@Service
public class Issuing {

    /** A reservation changed under us (released or partly issued concurrently): re-plan a few times. */
    private static final int ATTEMPTS = 5;

    private final Catalogue catalogue;
    private final IssueDocuments documents;
    private final StockLedger ledger;
    private final Reservations reservations;
    private final Clock clock;
    private final Counter issued;

    public Issuing(Catalogue catalogue, IssueDocuments documents, StockLedger ledger, Reservations reservations, Clock clock, MeterRegistry meters) {
        this.catalogue = catalogue;
        this.documents = documents;
        this.ledger = ledger;
        this.reservations = reservations;
        this.clock = clock;
        this.issued = Counter.builder("forecourt.parts.issued").description("Pieces issued against documents").baseUnit("pieces")
                .register(meters);
    }

    public StockIssue issue(IssueRequest request, Actor by) {
        return issue(request, by, "iss-" + UUID.randomUUID(), false);
    }

    /**
     * Issues under a chosen id: an issue already booked under it is answered as it was (so a
     * document that issues its lines one by one can be resumed without issuing a line twice).
     */
    public StockIssue issue(IssueRequest request, Actor by, String issueId) {
        return issue(request, by, issueId, true);
    }

    private StockIssue issue(IssueRequest request, Actor by, String issueId, boolean mayBeBooked) {
        DocumentRef document = documents.resolve(request.document().type(), request.document().id(), request.partNumber(),
                request.lineId());
        if (mayBeBooked && ledger.isBooked(request.partNumber(), issueId)) {
            return get(issueId);
        }
        String reservationId = document.type() == DocumentType.REPAIR_ORDER && document.lineId() != null
                ? ReservationIds.of(document.id(), document.lineId()) : null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            // without a repair-order line there is no reservation to consult: go straight to the
            // conditional update (the hot path under contention is one round trip)
            HeldReservation held = reservationId == null ? null : ledger.card(request.partNumber()).heldReservation(reservationId);
            IssuePlan plan = IssuePlan.cover(request.quantity(), held);
            Movement movement = new Movement(issueId, request.partNumber(), MovementType.ISSUE, -request.quantity(),
                    -plan.fromReservation(), document, held == null ? null : reservationId, null, by, clock.instant());
            Optional<StockCard> after = ledger.apply(movement, condition(plan, held), changes(plan, held, movement),
                    new PartsIssued(issueId, movement.partNumber(), request.quantity(), document.type().name(), document.id(),
                            document.number(), document.lineId(), movement.reference(), plan.fromReservation(), by.username(),
                            movement.at()));
            if (after.isPresent()) {
                issued.increment(request.quantity());
                if (plan.consumesReservation()) {
                    reservations.recordConsumed(reservationId, by, movement.at());
                }
                return StockIssue.of(movement, after.get().level());
            }
            if (held == null) {
                break; // only the free stock was asked for and it was not there
            }
        }
        // nothing was written; only now find out why: an unknown part (404) or too little stock (409)
        catalogue.require(request.partNumber());
        int available = ledger.card(request.partNumber()).getAvailable();
        throw new Conflict("stock-insufficient", "Not enough stock",
                        "Only " + available + " of " + request.partNumber() + " available, " + request.quantity() + " requested")
                .with("available", available).with("partNumber", request.partNumber());
    }

    public StockIssue get(String issueId) {
        Movement movement = ledger.movement(issueId).filter(m -> m.type() == MovementType.ISSUE)
                .orElseThrow(() -> new NotFound("Stock issue", issueId));
        return StockIssue.of(movement, null);
    }

    /** Holds exactly when the plan is still right: the reservation unchanged and enough free stock. */
    private static Criteria condition(IssuePlan plan, HeldReservation held) {
        List<Criteria> all = new ArrayList<>();
        if (plan.fromAvailable() > 0) {
            all.add(where(StockCard.AVAILABLE).gte(plan.fromAvailable()));
        }
        if (held != null) {
            all.add(where(StockCard.reservationPath(held.reservationId()) + ".quantity").is(held.quantity()));
        }
        return all.isEmpty() ? null : new Criteria().andOperator(all);
    }

    private static Update changes(IssuePlan plan, HeldReservation held, Movement movement) {
        Update update = new Update().set(StockCard.LAST_ISSUED_AT, movement.at());
        if (held != null) {
            String path = StockCard.reservationPath(held.reservationId());
            if (plan.consumesReservation()) {
                update.unset(path);
            } else {
                update.inc(path + ".quantity", -plan.fromReservation());
            }
        }
        return update;
    }
}
