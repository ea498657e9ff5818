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

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.Conflict;
import dev.forecourt.platform.errors.RuleViolated;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.paging.Page;
import dev.forecourt.platform.paging.PagedFind;
import dev.forecourt.platform.paging.Paging;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.store.ForecourtProperties;
import dev.forecourt.workshop.campaign.ServiceCampaigns;
import dev.forecourt.workshop.config.WorkshopProperties;
import dev.forecourt.workshop.repairorder.Customer;
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
    private final ServiceCampaigns campaigns;

    Appointments(MongoTemplate mongo, AggregateStore aggregates, SlotCapacity capacity, WorkshopProperties workshop,
                 ForecourtProperties store, Clock clock, ServiceCampaigns campaigns) {
        this.campaigns = campaigns;
        this.mongo = mongo;
        this.aggregates = aggregates;
        this.capacity = capacity;
        this.workshop = workshop;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Takes one place of the advisor's slot, one of the workshop's (as many cars per slot as it has
     * bays), the car's only place (one car holds no two appointments in a slot, whatever the bay) and,
     * when a bay was asked for, that bay's only place; all or nothing.
     */
    public Appointment book(Customer customer, Vehicle vehicle, Actor advisor, Instant slotStart, String bayId, String request) {
        Instant now = clock.instant();
        checkSlot(slotStart, bayId, now);
        String slot = slotStart.toString();
        List<Claim> claims = new ArrayList<>();
        claims.add(new Claim("advisor:" + advisor.id() + ":" + slot, workshop.advisorSlotCapacity(), "Advisor " + advisor.displayName()));
        claims.add(new Claim("workshop:" + slot, workshop.bays().size(), "The workshop"));
        if (bayId != null) {
            claims.add(new Claim("bay:" + bayId + ":" + slot, 1, "Bay " + bayId));
        }
        claims.add(new Claim(vehicleKey(vehicle.vin(), slot), 1, "Vehicle " + vehicle.vin()));
        List<String> taken = new ArrayList<>();
        for (Claim claim : claims) {
            if (!capacity.take(claim.key(), claim.capacity())) {
                taken.forEach(capacity::giveBack);
                if (claim.key().startsWith("vehicle:")) {
                    Appointment other = mongo.findOne(query(where("slotKeys").is(claim.key())
                            .and("status").in(AppointmentStatus.REQUESTED, AppointmentStatus.CONFIRMED, AppointmentStatus.ARRIVED,
                                    AppointmentStatus.NO_SHOW)), Appointment.class);
                    throw new Conflict("vehicle-already-booked", "Car already booked in this slot",
                            "Vehicle " + vehicle.vin() + " already has an appointment at " + slot)
                            .with("slotStart", slot).with("appointmentId", other == null ? null : other.getId());
                }
                throw new Conflict("slot-full", "Slot fully booked", claim.who() + " has no room left at " + slot)
                        .with("slotStart", slot);
            }
            taken.add(claim.key());
        }
        try {
            Instant slotEnd = slotStart.plus(Duration.ofMinutes(workshop.slotMinutes()));
            return aggregates.insert(Appointment.book(UUID.randomUUID().toString(), store.storeId(), customer, vehicle, advisor,
                    slotStart, slotEnd, bayId, request, taken,
                    campaigns.flagsFor(vehicle.vin(), LocalDate.ofInstant(slotStart, store.timeZone())), now));
        } catch (RuntimeException e) {
            taken.forEach(capacity::giveBack);
            throw e;
        }
    }

    static String vehicleKey(String vin, String slot) {
        return "vehicle:" + vin + ":" + slot;
    }

    public Appointment get(String id) {
        return aggregates.find(Appointment.class, id);
    }

    public Appointment confirm(String id, ExpectedVersion expected) {
        return change(id, expected, Appointment::confirm);
    }

    public Appointment noShow(String id, ExpectedVersion expected) {
        return change(id, expected, Appointment::noShow);
    }

    public Appointment cancel(String id, ExpectedVersion expected) {
        Appointment cancelled = change(id, expected, Appointment::cancel);
        cancelled.slotKeys().forEach(capacity::giveBack);
        return cancelled;
    }

    /** Marks the appointment arrived; a concurrent second reception of it fails on the version. */
    public Appointment arrive(String id, String repairOrderId) {
        return change(id, ExpectedVersion.ANY, (a, now) -> a.arrive(repairOrderId, now));
    }

    public Page<Appointment> page(LocalDate date, String advisorId, Paging paging) {
        return PagedFind.find(mongo, filter(date, advisorId), Sort.by("slotStart", "_id"), paging, Appointment.class);
    }

    public List<Appointment> ofVehicle(String vin) {
        return mongo.find(query(where("vehicle.vin").is(vin)).with(Sort.by("slotStart", "_id")), Appointment.class);
    }

    private Query filter(LocalDate date, String advisorId) {
        Criteria criteria = new Criteria();
        List<Criteria> parts = new ArrayList<>();
        if (date != null) {
            Instant from = date.atStartOfDay(store.timeZone()).toInstant();
            parts.add(where("slotStart").gte(from).lt(from.plus(Duration.ofDays(1))));
        }
        if (advisorId != null) {
            parts.add(where("advisor.id").is(advisorId));
        }
        return parts.isEmpty() ? new Query() : query(criteria.andOperator(parts.toArray(Criteria[]::new)));
    }

    private Appointment change(String id, ExpectedVersion expected, BiConsumer<Appointment, Instant> step) {
        return aggregates.change(Appointment.class, id, expected, a -> step.accept(a, clock.instant()));
    }

    private void checkSlot(Instant slotStart, String bayId, Instant now) {
        long minutes = slotStart.getEpochSecond() / 60;
        if (slotStart.getEpochSecond() % 60 != 0 || slotStart.getNano() != 0 || minutes % workshop.slotMinutes() != 0) {
            throw new RuleViolated("slot-not-aligned", "Not a slot start",
                    "Slots start every " + workshop.slotMinutes() + " minutes", new FieldProblem("slotStart", "not a slot start"));
        }
        if (!slotStart.isAfter(now)) {
            throw new RuleViolated("slot-in-past", "Slot in the past", "Appointments are booked for the future",
                    new FieldProblem("slotStart", "must be in the future"));
        }
        if (bayId != null && !workshop.bays().contains(bayId)) {
            throw new RuleViolated("unknown-bay", "Unknown bay", "Bay " + bayId + " is not one of " + workshop.bays(),
                    new FieldProblem("bayId", "not a bay of this workshop"));
        }
    }

    private record Claim(String key, int capacity, String who) {
    }
}
