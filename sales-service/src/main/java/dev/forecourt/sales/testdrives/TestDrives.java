package dev.forecourt.sales.testdrives;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.Conflict;
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.RuleViolated;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.paging.Page;
import dev.forecourt.platform.paging.PagedFind;
import dev.forecourt.platform.paging.Paging;
import dev.forecourt.platform.store.ForecourtProperties;
import dev.forecourt.sales.config.SalesSettings;
import dev.forecourt.sales.customers.Customer;
import dev.forecourt.sales.leads.Leads;
import dev.forecourt.sales.stock.Vehicle;
import dev.forecourt.sales.stock.VehiclePool;
import dev.forecourt.sales.stock.VehicleStatus;
import dev.forecourt.sales.stock.VehicleStock;
import io.micrometer.core.instrument.MeterRegistry;

/** Booking demo cars for test drives, one booking per car and slot. */
@Service
public class TestDrives implements InitializingBean {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration slot;
    private final VehicleStock stock;
    private final Leads leads;
    private final MeterRegistry meters;
    private final AggregateStore store;

    public TestDrives(MongoTemplate mongo, Clock clock, ForecourtProperties properties, SalesSettings settings,
                      VehicleStock stock, Leads leads, MeterRegistry meters, AggregateStore store) {
        this.mongo = mongo;
        this.clock = clock;
        this.zone = properties.timeZone();
        this.slot = settings.testDriveSlot();
        this.stock = stock;
        this.leads = leads;
        this.meters = meters;
        this.store = store;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(TestDrive.class).createIndex(new Index().on(TestDrive.SLOT_KEY, Sort.Direction.ASC).unique());
    }

    public TestDrive book(String carVin, Instant slotStart, Customer customer, TestDrive.DriverLicence licence, String leadId, Actor by) {
        requireSlotBoundary(slotStart);
        Vehicle car = stock.get(carVin);
        if (car.getPool() != VehiclePool.DEMO || car.getStatus() != VehicleStatus.IN_STOCK) {
            throw new RuleViolated("not-a-demo-car", "Not a demo car",
                    "Vehicle " + car.getVin() + " is not an available demo car", new FieldProblem("carVin", "must be a demo car"));
        }
        if (leadId != null) {
            leads.get(leadId);
        }
        LocalDate driveDate = slotStart.atZone(zone).toLocalDate();
        TestDrive drive = TestDrive.book("td-" + UUID.randomUUID(), car.getVin(), car.getSpec().model(), slotStart,
                slotStart.plus(slot), driveDate, customer, licence, leadId, by.id(), by.displayName(), clock.instant());
        try {
            drive = store.insert(drive);
        } catch (DuplicateKeyException taken) {
            throw new Conflict("slot-taken", "Slot taken",
                    "Demo car " + car.getVin() + " is already booked at " + slotStart.atZone(zone).toLocalDateTime());
        }
        meters.counter("forecourt.test-drives.booked").increment();
        return drive;
    }

    public TestDrive complete(String id, ExpectedVersion expected, TestDrive.Feedback feedback, Actor by) {
        TestDrive saved = store.change(TestDrive.class, id, expected, drive -> drive.complete(feedback, clock.instant()));
        if (saved.getLeadId() != null) {
            leads.testDriven(saved.getLeadId(), by);
        }
        return saved;
    }

    public TestDrive cancel(String id, ExpectedVersion expected, Actor by) {
        return store.change(TestDrive.class, id, expected, drive -> drive.cancel(clock.instant(), by.id()));
    }

    public TestDrive get(String id) {
        return store.find(TestDrive.class, id);
    }

    /** The drives of one day in the store's calendar, optionally of one car, by slot. */
    public Page<TestDrive> list(LocalDate date, String carVin, Paging paging) {
        List<Criteria> parts = new ArrayList<>();
        if (date != null) {
            parts.add(Criteria.where("slotStart").gte(date.atStartOfDay(zone).toInstant()).lt(date.plusDays(1).atStartOfDay(zone).toInstant()));
        }
        if (carVin != null && !carVin.isBlank()) {
            parts.add(Criteria.where("carVin").is(carVin.trim().toUpperCase(java.util.Locale.ROOT)));
        }
        Query query = Query.query(parts.isEmpty() ? new Criteria() : new Criteria().andOperator(parts));
        return PagedFind.find(mongo, query, Sort.by("slotStart", "_id"), paging, TestDrive.class);
    }

    /** Slots start on multiples of the slot length in the store's day, so "same slot" means the same start. */
    private void requireSlotBoundary(Instant slotStart) {
        ZonedDateTime local = slotStart.atZone(zone);
        long secondsOfDay = local.toLocalTime().toSecondOfDay();
        if (local.getNano() != 0 || secondsOfDay % slot.toSeconds() != 0) {
            throw new RuleViolated("slot-boundary", "Not a slot start",
                    "Test-drive slots start every " + slot.toMinutes() + " minutes",
                    new FieldProblem("slotStart", "must be a slot start (every " + slot.toMinutes() + " minutes)"));
        }
    }
}
