package dev.forecourt.workshop.appointment;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.ProblemException;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.store.ForecourtProperties;
import dev.forecourt.workshop.config.WorkshopProperties;
import dev.forecourt.workshop.repairorder.Customer;
import dev.forecourt.workshop.repairorder.Person;
import dev.forecourt.workshop.repairorder.Vehicle;

/** Books appointments within slot capacity and moves them through their statuses. */
@Service
public class Appointments {

    private final MongoTemplate mongo;
    private final AggregateStore aggregates;
    private final SlotCapacity capacity;
    private final WorkshopProperties workshop;
    private final ForecourtProperties store;
    private final Clock clock;

    Appointments(MongoTemplate mongo, AggregateStore aggregates, SlotCapacity capacity, WorkshopProperties workshop,
                 ForecourtProperties store, Clock clock) {
        this.mongo = mongo;
        this.aggregates = aggregates;
        this.capacity = capacity;
        this.workshop = workshop;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Takes one place of the advisor's slot, one of the workshop's (as many cars per slot as it has
     * bays) and, when a bay was asked for, that bay's only place; all or nothing.
     */
    public Appointment book(Customer customer, Vehicle vehicle, Person advisor, Instant slotStart, String bayId, String request) {
        Instant now = clock.instant();
        checkSlot(slotStart, bayId, now);
        String slot = slotStart.toString();
        List<Claim> claims = new ArrayList<>();
        claims.add(new Claim("advisor:" + advisor.employeeId() + ":" + slot, workshop.advisorSlotCapacity(), "Advisor " + advisor.name()));
        claims.add(new Claim("workshop:" + slot, workshop.bays().size(), "The workshop"));
        if (bayId != null) {
            claims.add(new Claim("bay:" + bayId + ":" + slot, 1, "Bay " + bayId));
        }
        List<String> taken = new ArrayList<>();
        for (Claim claim : claims) {
            if (!capacity.take(claim.key(), claim.capacity())) {
                taken.forEach(capacity::giveBack);
                throw ProblemException.conflict("slot-full", "Slot fully booked", claim.who() + " has no room left at " + slot)
                        .with("slotStart", slot);
            }
            taken.add(claim.key());
        }
        try {
            Instant slotEnd = slotStart.plus(Duration.ofMinutes(workshop.slotMinutes()));
            return aggregates.insert(Appointment.book(UUID.randomUUID().toString(), store.storeId(), customer, vehicle, advisor,
                    slotStart, slotEnd, bayId, request, taken, now));
        } catch (RuntimeException e) {
            taken.forEach(capacity::giveBack);
            throw e;
        }
    }

    public Appointment get(String id) {
        Appointment appointment = mongo.findById(id, Appointment.class);
        if (appointment == null) {
            throw ProblemException.notFound("Appointment", id);
        }
        return appointment;
    }

    public Appointment confirm(String id) {
        return change(id, Appointment::confirm);
    }

    public Appointment noShow(String id) {
        return change(id, Appointment::noShow);
    }

    public Appointment cancel(String id) {
        Appointment cancelled = change(id, Appointment::cancel);
        cancelled.slotKeys().forEach(capacity::giveBack);
        return cancelled;
    }

    /** Marks the appointment arrived; a concurrent second reception of it fails on the version. */
    public Appointment arrive(String id, String repairOrderId) {
        return change(id, (a, now) -> a.arrive(repairOrderId, now));
    }

    public List<Appointment> list(LocalDate date, String advisorId, int page, int size) {
        return mongo.find(filter(date, advisorId).with(Sort.by("slotStart", "_id")).skip((long) page * size).limit(size), Appointment.class);
    }

    public long count(LocalDate date, String advisorId) {
        return mongo.count(filter(date, advisorId), Appointment.class);
    }

    private Query filter(LocalDate date, String advisorId) {
        Criteria criteria = new Criteria();
        List<Criteria> parts = new ArrayList<>();
        if (date != null) {
            Instant from = date.atStartOfDay(store.timeZone()).toInstant();
            parts.add(where("slotStart").gte(from).lt(from.plus(Duration.ofDays(1))));
        }
        if (advisorId != null) {
            parts.add(where("advisor.employeeId").is(advisorId));
        }
        return parts.isEmpty() ? new Query() : query(criteria.andOperator(parts.toArray(Criteria[]::new)));
    }

    private Appointment change(String id, BiConsumer<Appointment, Instant> step) {
        Appointment appointment = get(id);
        step.accept(appointment, clock.instant());
        aggregates.update(appointment);
        return get(id);
    }

    private void checkSlot(Instant slotStart, String bayId, Instant now) {
        long minutes = slotStart.getEpochSecond() / 60;
        if (slotStart.getEpochSecond() % 60 != 0 || slotStart.getNano() != 0 || minutes % workshop.slotMinutes() != 0) {
            throw ProblemException.businessRule("slot-not-aligned", "Not a slot start",
                    "Slots start every " + workshop.slotMinutes() + " minutes", new FieldProblem("slotStart", "not a slot start"));
        }
        if (!slotStart.isAfter(now)) {
            throw ProblemException.businessRule("slot-in-past", "Slot in the past", "Appointments are booked for the future",
                    new FieldProblem("slotStart", "must be in the future"));
        }
        if (bayId != null && !workshop.bays().contains(bayId)) {
            throw ProblemException.businessRule("unknown-bay", "Unknown bay", "Bay " + bayId + " is not one of " + workshop.bays(),
                    new FieldProblem("bayId", "not a bay of this workshop"));
        }
    }

    private record Claim(String key, int capacity, String who) {
    }
}
