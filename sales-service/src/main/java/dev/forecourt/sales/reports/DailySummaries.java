package dev.forecourt.sales.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import dev.forecourt.platform.store.ForecourtProperties;
import dev.forecourt.sales.leads.Lead;
import dev.forecourt.sales.leads.LeadRecords;
import dev.forecourt.sales.leads.LeadSource;
import dev.forecourt.sales.leads.LeadStatus;
import dev.forecourt.sales.orders.SalesOrder;
import dev.forecourt.sales.testdrives.TestDrive;
import dev.forecourt.sales.testdrives.TestDriveStatus;

/**
 * Builds the daily summary for one day of the store's calendar (its time zone, not UTC: a walk-in
 * at 07:30 in Shanghai belongs to that day although it is the evening before in UTC).
 */
@Service
public class DailySummaries {

    private final MongoTemplate mongo;
    private final ZoneId zone;

    public DailySummaries(MongoTemplate mongo, ForecourtProperties properties) {
        this.mongo = mongo;
        this.zone = properties.timeZone();
    }

    public DailySummary of(LocalDate date) {
        Instant from = date.atStartOfDay(zone).toInstant();
        Instant to = date.plusDays(1).atStartOfDay(zone).toInstant();
        Map<String, Tally> tallies = new TreeMap<>();

        for (Lead lead : mongo.find(Query.query(Criteria.where("createdAt").gte(from).lt(to)), Lead.class)) {
            Tally t = tally(tallies, lead.getConsultant().id(), lead.getConsultant().name());
            t.newLeads++;
            if (lead.getSource() == LeadSource.WALK_IN) {
                t.walkIns++;
            }
        }
        for (Lead lead : mongo.find(Query.query(Criteria.where("closedAt").gte(from).lt(to)), Lead.class)) {
            Tally t = tally(tallies, lead.getConsultant().id(), lead.getConsultant().name());
            if (lead.getStatus() == LeadStatus.WON) {
                t.won++;
            } else if (lead.getStatus() == LeadStatus.LOST) {
                t.lost.add(new DailySummary.LostLead(lead.getId(), lead.getCustomer().name(),
                        lead.getInterest() == null ? null : lead.getInterest().model(), lead.getLostReason(),
                        lead.getLostReasonCode() == null ? null : lead.getLostReasonCode().name()));
            }
        }
        // A repeat visit: an in-person contact on the day with a prospect who was not a walk-in opened that day.
        Query visited = Query.query(Criteria.where("contacts.at").gte(from).lt(to));
        for (Lead lead : mongo.find(visited, Lead.class)) {
            boolean walkInToday = lead.getSource() == LeadSource.WALK_IN && !lead.getCreatedAt().isBefore(from) && lead.getCreatedAt().isBefore(to);
            long visits = lead.getContacts().stream().filter(c -> c.channel() == LeadRecords.ContactChannel.IN_PERSON
                    && !c.at().isBefore(from) && c.at().isBefore(to)).count();
            if (visits > 0 && !walkInToday) {
                tally(tallies, lead.getConsultant().id(), lead.getConsultant().name()).repeatVisits++;
            }
        }
        Query drivesCompleted = Query.query(Criteria.where("completedAt").gte(from).lt(to).and("status").is(TestDriveStatus.COMPLETED));
        for (TestDrive drive : mongo.find(drivesCompleted, TestDrive.class)) {
            tally(tallies, drive.getConsultantId(), drive.getConsultantName()).testDrives++;
        }
        for (SalesOrder order : mongo.find(Query.query(Criteria.where("confirmedAt").gte(from).lt(to)), SalesOrder.class)) {
            tally(tallies, order.getConsultant().id(), order.getConsultant().name()).ordersConfirmed++;
        }
        for (SalesOrder order : mongo.find(Query.query(Criteria.where("delivery.deliveredAt").gte(from).lt(to)), SalesOrder.class)) {
            tally(tallies, order.getConsultant().id(), order.getConsultant().name()).deliveries++;
        }

        List<DailySummary.ConsultantLine> lines = new ArrayList<>();
        tallies.values().forEach(t -> lines.add(t.line()));
        lines.sort(Comparator.comparing(DailySummary.ConsultantLine::consultantId));
        return new DailySummary(date, zone, lines, totals(lines));
    }

    private static DailySummary.Totals totals(List<DailySummary.ConsultantLine> lines) {
        return new DailySummary.Totals(
                lines.stream().mapToInt(DailySummary.ConsultantLine::walkIns).sum(),
                lines.stream().mapToInt(DailySummary.ConsultantLine::newLeads).sum(),
                lines.stream().mapToInt(DailySummary.ConsultantLine::testDrives).sum(),
                lines.stream().mapToInt(DailySummary.ConsultantLine::won).sum(),
                lines.stream().mapToInt(DailySummary.ConsultantLine::lost).sum(),
                lines.stream().mapToInt(DailySummary.ConsultantLine::ordersConfirmed).sum(),
                lines.stream().mapToInt(DailySummary.ConsultantLine::deliveries).sum(),
                lines.stream().mapToInt(DailySummary.ConsultantLine::repeatVisits).sum(),
                lines.stream().mapToInt(DailySummary.ConsultantLine::showroomTraffic).sum());
    }

    private static Tally tally(Map<String, Tally> tallies, String id, String name) {
        return tallies.computeIfAbsent(id, key -> new Tally(key, name));
    }

    /** Mutable counters while one report is built. */
    private static final class Tally {
        final String id;
        final String name;
        int walkIns;
        int newLeads;
        int testDrives;
        int won;
        final List<DailySummary.LostLead> lost = new ArrayList<>();
        int ordersConfirmed;
        int deliveries;
        int repeatVisits;

        Tally(String id, String name) {
            this.id = id;
            this.name = name;
        }

        DailySummary.ConsultantLine line() {
            return new DailySummary.ConsultantLine(id, name, walkIns, newLeads, testDrives, won, lost.size(), List.copyOf(lost),
                    ordersConfirmed, deliveries, repeatVisits, walkIns + repeatVisits);
        }
    }
}
