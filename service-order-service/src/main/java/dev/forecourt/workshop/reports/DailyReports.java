package dev.forecourt.workshop.reports;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.Conflict;
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.RuleViolated;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.store.ForecourtProperties;
import dev.forecourt.workshop.repairorder.RepairOrders;
import dev.forecourt.workshop.rework.ReworkRequests;

/** The daily service report: live figures for a day not yet signed, the frozen ones once the service manager signed it. */
@Service
public class DailyReports {

    /** The report of a day: its figures, and who signed it when (null while unsigned). */
    public record DailyReportView(LocalDate date, boolean signed, String signedBy, String signedByName, Instant signedAt,
                                  DailyFigures figures) {
    }

    private final RepairOrders orders;
    private final ReworkRequests requests;
    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final ZoneId zone;
    private final Clock clock;

    DailyReports(RepairOrders orders, ReworkRequests requests, MongoTemplate mongo, AggregateStore store, ForecourtProperties properties,
                 Clock clock) {
        this.orders = orders;
        this.requests = requests;
        this.mongo = mongo;
        this.store = store;
        this.zone = properties.timeZone();
        this.clock = clock;
    }

    public DailyReportView of(LocalDate date) {
        return signed(date).map(DailyReports::view).orElseGet(() -> new DailyReportView(date, false, null, null, null, live(date)));
    }

    /** Signs the day's figures as they stand now (after closing, or later); a day is signed once. */
    public DailyReportView sign(LocalDate date, Actor serviceManager) {
        if (date.isAfter(LocalDate.now(clock.withZone(zone)))) {
            throw new RuleViolated("day-not-begun", "Day not begun", "The report of " + date + " cannot be signed before the day",
                    new FieldProblem("date", "must be today or a past day"));
        }
        if (signed(date).isPresent()) {
            DailyReport existing = signed(date).get();
            throw new Conflict("report-already-signed", "Report already signed",
                    "The report of " + date + " was signed by " + existing.getSignedBy().displayName() + " at " + existing.getSignedAt())
                    .with("signedBy", existing.getSignedBy().id());
        }
        try {
            return view(store.insert(DailyReport.sign(live(date), serviceManager, clock.instant())));
        } catch (DuplicateKeyException signedMeanwhile) {
            throw new Conflict("report-already-signed", "Report already signed", "The report of " + date + " was signed meanwhile");
        }
    }

    private DailyFigures live(LocalDate date) {
        Instant start = date.atStartOfDay(zone).toInstant();
        Instant end = date.plusDays(1).atStartOfDay(zone).toInstant();
        return DailyFigures.of(date, zone, orders.touchedBetween(start, end), requests.requestedBetween(start, end),
                requests.notTurnedIntoOrdersBetween(start, end));
    }

    private Optional<DailyReport> signed(LocalDate date) {
        return Optional.ofNullable(mongo.findById(date.toString(), DailyReport.class));
    }

    private static DailyReportView view(DailyReport r) {
        return new DailyReportView(r.getDate(), true, r.getSignedBy().id(), r.getSignedBy().displayName(), r.getSignedAt(), r.getFigures());
    }
}
