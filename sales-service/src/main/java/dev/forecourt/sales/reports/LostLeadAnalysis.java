package dev.forecourt.sales.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import dev.forecourt.platform.store.ForecourtProperties;
import dev.forecourt.sales.leads.Lead;
import dev.forecourt.sales.leads.LeadStatus;
import dev.forecourt.sales.leads.LostReason;

/** Why prospects were lost (战败分析) over a period of the store's calendar: by reason, model, consultant and month. */
@Service
public class LostLeadAnalysis {

    private final MongoTemplate mongo;
    private final ZoneId zone;

    public LostLeadAnalysis(MongoTemplate mongo, ForecourtProperties properties) {
        this.mongo = mongo;
        this.zone = properties.timeZone();
    }

    public record Share(String key, int count, double percent) {
    }

    public record LostLead(String leadId, String customerName, String model, String consultantId, String consultantName,
                           LostReason reasonCode, String reason, Instant lostAt) {
    }

    public record LostLeadReport(LocalDate from, LocalDate to, int total, List<Share> byReason, List<Share> byModel, List<Share> byConsultant,
                         List<Share> byMonth, List<LostLead> leads) {
    }

    /** @param from first day, inclusive; @param to last day, inclusive */
    public LostLeadReport of(LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        Query lost = Query.query(Criteria.where("status").is(LeadStatus.LOST).and("closedAt").gte(start).lt(end))
                .with(Sort.by("closedAt", "_id"));
        List<LostLead> leads = mongo.find(lost, Lead.class).stream().map(l -> new LostLead(l.getId(), l.getCustomer().name(),
                l.getInterest() == null ? null : l.getInterest().model(), l.getConsultant().id(), l.getConsultant().name(),
                l.getLostReasonCode() == null ? LostReason.OTHER : l.getLostReasonCode(), l.getLostReason(), l.getClosedAt())).toList();
        return new LostLeadReport(from, to, leads.size(),
                shares(leads, l -> l.reasonCode().name()),
                shares(leads, l -> l.model() == null ? "(unknown)" : l.model()),
                shares(leads, l -> l.consultantId() + " " + l.consultantName()),
                shares(leads, l -> YearMonth.from(l.lostAt().atZone(zone)).toString()),
                leads);
    }

    private static List<Share> shares(List<LostLead> leads, Function<LostLead, String> key) {
        Map<String, Integer> counts = new TreeMap<>();
        leads.forEach(l -> counts.merge(key.apply(l), 1, Integer::sum));
        List<Share> shares = new ArrayList<>();
        counts.forEach((k, n) -> shares.add(new Share(k, n, Math.round(1000.0 * n / leads.size()) / 10.0)));
        shares.sort(Comparator.comparingInt(Share::count).reversed().thenComparing(Share::key));
        return shares;
    }
}
