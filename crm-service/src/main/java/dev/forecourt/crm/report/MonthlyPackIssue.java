package dev.forecourt.crm.report;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.forecourt.crm.config.StoreCalendar;

/** On the 3rd of each month (store zone), freezes the previous month's pack; insert-only, so a second run changes nothing. */
@Component
public class MonthlyPackIssue {

    private final CrmReports reports;
    private final MongoTemplate mongo;
    private final StoreCalendar calendar;

    MonthlyPackIssue(CrmReports reports, MongoTemplate mongo, StoreCalendar calendar) {
        this.reports = reports;
        this.mongo = mongo;
        this.calendar = calendar;
    }

    @Scheduled(cron = "${forecourt.crm.jobs.monthly-pack-cron:0 0 6 3 * *}", zone = "${forecourt.time-zone:Asia/Shanghai}")
    public MonthlyPack issuePreviousMonth() {
        YearMonth previous = YearMonth.from(calendar.today()).minusMonths(1);
        // Stored times have millisecond precision: truncate so the answer equals what a later read returns.
        MonthlyPack pack = reports.compute(previous, true, calendar.now().truncatedTo(ChronoUnit.MILLIS));
        try {
            return mongo.insert(pack);
        } catch (DuplicateKeyException alreadyIssued) {
            return mongo.findById(previous.toString(), MonthlyPack.class);
        }
    }
}
