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

import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.ProblemException;
import dev.forecourt.platform.security.Staff;
import dev.forecourt.platform.store.ForecourtProperties;
import dev.forecourt.sales.common.Customer;
import dev.forecourt.sales.common.PageView;
import dev.forecourt.sales.common.SalesSettings;
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

    public TestDrives(MongoTemplate mongo, Clock clock, ForecourtProperties properties, SalesSettings settings,
                      VehicleStock stock, Leads leads, MeterRegistry meters) {
        this.mongo = mongo;
        this.clock = clock;
        this.zone = properties.timeZone();
        this.slot = settings.testDriveSlot();
        this.stock = stock;
        this.leads = leads;
        this.meters = meters;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(TestDrive.class).createIndex(new Index().on(TestDrive.SLOT_KEY, Sort.Direction.ASC).unique());
    }

    public TestDrive book(String carVin, Instant slotStart, Customer customer, TestDrive.DriverLicence licence, String leadId, Staff by) {
        requireSlotBoundary(slotStart);
        Vehicle car = stock.get(carVin);
        if (car.getPool() != VehiclePool.DEMO || car.getStatus() != VehicleStatus.IN_STOCK) {
            throw ProblemException.businessRule("not-a-demo-car", "Not a demo car",
                    "Vehicle " + car.getVin() + " is not an available demo car", new FieldProblem("carVin", "must be a demo car"));
        }
        if (leadId != null) {
            leads.get(leadId);
        }
        LocalDate driveDate = slotStart.atZone(zone).toLocalDate();
        TestDrive drive = TestDrive.book("td-" + UUID.randomUUID(), car.getVin(), car.getSpec().model(), slotStart,
                slotStart.plus(slot), driveDate, customer, licence, leadId, by.employeeId(), by.name(), clock.instant());
        try {
            mongo.insert(drive);
        } catch (DuplicateKeyException taken) {
            throw ProblemException.conflict("slot-taken", "Slot taken",
                    "Demo car " + car.getVin() + " is already booked at " + slotStart.atZone(zone).toLocalDateTime());
        }
        meters.counter("forecourt.test-drives.booked").increment();
        return drive;
    }

    public TestDrive complete(String id, TestDrive.Feedback feedback, Staff by) {
        TestDrive drive = get(id);
        drive.complete(feedback, clock.instant());
        TestDrive saved = mongo.save(drive);
        if (drive.getLeadId() != null) {
            leads.testDriven(drive.getLeadId(), by);
        }
        return saved;
    }

    public TestDrive cancel(String id) {
        TestDrive drive = get(id);
        drive.cancel();
        return mongo.save(drive);
    }

    public TestDrive get(String id) {
        TestDrive drive = mongo.findById(id, TestDrive.class);
        if (drive == null) {
            throw ProblemException.notFound("Test drive", id);
        }
        return drive;
    }

    /** The drives of one day in the store's calendar, optionally of one car, by slot. */
    public PageView<TestDrive> list(LocalDate date, String carVin, int page, int size) {
        PageView.check(page, size);
        List<Criteria> parts = new ArrayList<>();
        if (date != null) {
            parts.add(Criteria.where("slotStart").gte(date.atStartOfDay(zone).toInstant()).lt(date.plusDays(1).atStartOfDay(zone).toInstant()));
        }
        if (carVin != null && !carVin.isBlank()) {
            parts.add(Criteria.where("carVin").is(carVin.trim().toUpperCase(java.util.Locale.ROOT)));
        }
        Query query = Query.query(parts.isEmpty() ? new Criteria() : new Criteria().andOperator(parts));
        long total = mongo.count(query, TestDrive.class);
        query.with(Sort.by("slotStart", "_id")).skip((long) page * size).limit(size);
        return new PageView<>(mongo.find(query, TestDrive.class), page, size, total);
    }

    /** Slots start on multiples of the slot length in the store's day, so "same slot" means the same start. */
    private void requireSlotBoundary(Instant slotStart) {
        ZonedDateTime local = slotStart.atZone(zone);
        long secondsOfDay = local.toLocalTime().toSecondOfDay();
        if (local.getNano() != 0 || secondsOfDay % slot.toSeconds() != 0) {
            throw ProblemException.businessRule("slot-boundary", "Not a slot start",
                    "Test-drive slots start every " + slot.toMinutes() + " minutes",
                    new FieldProblem("slotStart", "must be a slot start (every " + slot.toMinutes() + " minutes)"));
        }
    }
}
