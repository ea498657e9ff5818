package dev.forecourt.workshop.reports;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;
import dev.forecourt.platform.events.outbox.OutboxAggregate;
import dev.forecourt.platform.money.Money;

/**
 * A daily service report the service manager signed (审阅、签名): the figures as they stood when
 * signed, frozen from then on; events arriving later change the live figures, never this one.
 * One per store day (its id is the date).
 */
@Document("daily_reports")
public class DailyReport extends OutboxAggregate {

    @Id
    private String id;
    private LocalDate date;
    private DailyFigures figures;
    private Actor signedBy;
    private Instant signedAt;

    DailyReport() {
    }

    static DailyReport sign(DailyFigures figures, Actor serviceManager, Instant now) {
        DailyReport report = new DailyReport();
        report.id = figures.date().toString();
        report.date = figures.date();
        report.figures = figures;
        report.signedBy = serviceManager;
        report.signedAt = now;
        report.raise(new DailyReportSigned(report.id, figures.date(), serviceManager.id(), serviceManager.displayName(), now,
                figures.ordersOpened(), figures.ordersHandedOver(), figures.outputNet()));
        return report;
    }

    public String getId() { return id; }
    public LocalDate getDate() { return date; }
    public DailyFigures getFigures() { return figures; }
    public Actor getSignedBy() { return signedBy; }
    public Instant getSignedAt() { return signedAt; }

    @EventType("forecourt.workshop.daily-report-signed.v1")
    public record DailyReportSigned(String reportId, LocalDate date, String signedBy, String signedByName, Instant signedAt,
                                    long ordersOpened, long ordersHandedOver, Money output) implements DomainEvent {
        @Override public String aggregateId() { return reportId; }
    }
}
