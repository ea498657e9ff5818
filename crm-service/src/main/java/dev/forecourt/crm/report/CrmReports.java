package dev.forecourt.crm.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
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
import java.util.stream.Collectors;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import dev.forecourt.crm.callback.CallbackKind;
import dev.forecourt.crm.callback.CallbackStatus;
import dev.forecourt.crm.callback.CallbackTask;
import dev.forecourt.crm.callback.Questionnaire;
import dev.forecourt.crm.complaint.Complaint;
import dev.forecourt.crm.complaint.ComplaintSeverity;
import dev.forecourt.crm.complaint.ComplaintStatus;
import dev.forecourt.crm.config.CrmProperties;
import dev.forecourt.crm.customer.Customer;
import dev.forecourt.crm.customer.CustomerStatus;
import dev.forecourt.platform.store.ForecourtProperties;

/** Computes the customer-service reports from recorded callbacks, complaints and profiles. */
@Service
public class CrmReports {


    /** The calls whose questionnaire counts for CSI (not the consultant's own 7-day call). */
    private static final List<CallbackKind> SURVEYS = java.util.Arrays.stream(CallbackKind.values())
            .filter(CallbackKind::satisfactionSurvey).toList();

    private final MongoTemplate mongo;
    private final CrmProperties crm;
    private final ZoneId zone;

    private final Clock clock;

    public CrmReports(MongoTemplate mongo, CrmProperties crm, ForecourtProperties store, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        this.crm = crm;
        this.zone = store.timeZone();
    }

    public CsiReport csi(Period period) {
        List<CallbackTask> calls = mongo.find(Query.query(Criteria.where("status").is(CallbackStatus.COMPLETED)
                .and("csi").ne(null).and("kind").in(SURVEYS)
                .and("completedAt").gte(period.start(zone)).lt(period.end(zone))), CallbackTask.class);
        List<CsiReport.Row> departments = grouped(calls, CallbackTask::getDepartment).entrySet().stream()
                .map(e -> row(e.getKey(), e.getValue())).toList();
        List<CsiReport.StaffRow> staff = new ArrayList<>();
        grouped(calls, c -> c.getDepartment() + "\u0000" + (c.getStaffId() == null ? "" : c.getStaffId())).forEach((key, group) -> {
            CsiReport.Row row = row(group.get(0).getDepartment(), group);
            staff.add(new CsiReport.StaffRow(row.department(), group.get(0).getStaffId(), group.get(0).getStaffName(),
                    row.callbacks(), row.csi(), row.meetsTarget()));
        });
        staff.sort(Comparator.comparing(CsiReport.StaffRow::department).thenComparing(s -> String.valueOf(s.staffId())));
        Map<String, List<BigDecimal>> scored = new java.util.LinkedHashMap<>();
        Questionnaire.DEPARTMENTS.forEach(d -> scored.put(d, new ArrayList<>()));
        for (CallbackTask call : calls) {
            if (call.getOutcome() != null && call.getOutcome().scores() != null) {
                call.getOutcome().scores().csiByDepartment(call.getKind() == CallbackKind.DELIVERY_FOLLOW_UP)
                        .forEach((d, csi) -> scored.get(d).add(csi));
            }
        }
        List<CsiReport.Row> byDepartment = scored.entrySet().stream().map(e -> scoreRow(e.getKey(), e.getValue())).toList();
        return new CsiReport(period, crm.csiTarget(), row("all", calls), departments, staff, byDepartment);
    }

    public ComplaintRateReport complaintRate(Period period) {
        Instant from = period.start(zone);
        Instant to = period.end(zone);
        Query opened = Query.query(Criteria.where("openedAt").gte(from).lt(to));
        long all = mongo.count(opened, Complaint.class);
        long major = mongo.count(Query.query(Criteria.where("openedAt").gte(from).lt(to).and("severity").is(ComplaintSeverity.MAJOR)),
                Complaint.class);
        long deliveries = deliveries(from, to);
        long handovers = mongo.find(Query.query(Criteria.where("repairs").elemMatch(Criteria.where("handedOverAt").gte(from).lt(to))),
                Customer.class).stream().flatMap(c -> c.getRepairs().stream())
                .filter(r -> r.handedOverAt() != null && !r.handedOverAt().isBefore(from) && r.handedOverAt().isBefore(to)).count();
        long contacts = deliveries + handovers;
        BigDecimal rate = percent(major, contacts);
        return new ComplaintRateReport(period, major, all, deliveries, handovers, contacts, rate, crm.complaintRateTarget(),
                rate.doubleValue() <= crm.complaintRateTarget());
    }

    private long deliveries(Instant from, Instant to) {
        return mongo.find(Query.query(Criteria.where("purchases").elemMatch(Criteria.where("deliveredAt").gte(from).lt(to))),
                Customer.class).stream().flatMap(c -> c.getPurchases().stream())
                .filter(p -> p.deliveredAt() != null && !p.deliveredAt().isBefore(from) && p.deliveredAt().isBefore(to)).count();
    }

    /** Reach rates of customer service's 3-day check and the consultants' 7-day calls for the deliveries of the period. */
    public DeliveryFollowUpReport deliveryFollowUp(Period period) {
        Instant from = period.start(zone);
        Instant to = period.end(zone);
        List<CallbackTask> calls = mongo.find(Query.query(Criteria.where("kind").in(CallbackKind.DELIVERY_FOLLOW_UP, CallbackKind.SEVEN_DAY_CALL)
                .and("triggeredAt").gte(from).lt(to)), CallbackTask.class);
        List<DeliveryFollowUpReport.KindRow> kinds = java.util.stream.Stream.of(CallbackKind.DELIVERY_FOLLOW_UP, CallbackKind.SEVEN_DAY_CALL)
                .map(kind -> kindRow(kind, calls.stream().filter(c -> c.getKind() == kind).toList())).toList();
        List<DeliveryFollowUpReport.ConsultantRow> consultants = calls.stream().filter(c -> c.getKind() == CallbackKind.SEVEN_DAY_CALL)
                .collect(Collectors.groupingBy(c -> String.valueOf(c.getStaffId()), TreeMap::new, Collectors.toList()))
                .values().stream().map(group -> {
                    long reached = group.stream().filter(c -> c.getStatus() == CallbackStatus.COMPLETED).count();
                    return new DeliveryFollowUpReport.ConsultantRow(group.get(0).getStaffId(), group.get(0).getStaffName(), group.size(),
                            reached, group.stream().filter(CrmReports::reachedOnTime).count(), percent(reached, group.size()));
                }).toList();
        return new DeliveryFollowUpReport(period, deliveries(from, to), kinds, consultants);
    }

    private static DeliveryFollowUpReport.KindRow kindRow(CallbackKind kind, List<CallbackTask> calls) {
        long reached = calls.stream().filter(c -> c.getStatus() == CallbackStatus.COMPLETED).count();
        long onTime = calls.stream().filter(CrmReports::reachedOnTime).count();
        BigDecimal rate = percent(reached, calls.size());
        return new DeliveryFollowUpReport.KindRow(kind.name(), 100, calls.size(), reached, onTime,
                calls.stream().filter(c -> c.getStatus() == CallbackStatus.NOT_REACHED).count(),
                calls.stream().filter(c -> c.getStatus() == CallbackStatus.OPEN).count(),
                calls.stream().filter(c -> c.getStatus() == CallbackStatus.CANCELLED).count(),
                rate, percent(onTime, calls.size()), !calls.isEmpty() && reached == calls.size());
    }

    private static boolean reachedOnTime(CallbackTask call) {
        return call.getStatus() == CallbackStatus.COMPLETED && call.getCompletedAt() != null
                && !call.getCompletedAt().isAfter(call.getDeadline());
    }

    /** The complaints opened in the period and how they were handled, as of now. */
    public ComplaintResolutionReport complaintResolution(Period period, Instant now) {
        List<Complaint> opened = mongo.find(Query.query(Criteria.where("openedAt").gte(period.start(zone)).lt(period.end(zone))),
                Complaint.class);
        List<ComplaintResolutionReport.DepartmentRow> departments = opened.stream()
                .collect(Collectors.groupingBy(c -> String.valueOf(c.getDepartment()), TreeMap::new, Collectors.toList()))
                .entrySet().stream().map(e -> new ComplaintResolutionReport.DepartmentRow(e.getKey(), counts(e.getValue(), now)))
                .toList();
        LocalDate dueOn = YearMonth.from(period.to().minusDays(1)).plusMonths(1).atDay(3);
        return new ComplaintResolutionReport(period, dueOn, counts(opened, now), departments);
    }

    private static ComplaintResolutionReport.Counts counts(List<Complaint> complaints, Instant now) {
        long major = complaints.stream().filter(c -> c.getSeverity() == ComplaintSeverity.MAJOR).count();
        List<Complaint> resolved = complaints.stream().filter(c -> c.getResolvedAt() != null).toList();
        long onTime = resolved.stream().filter(c -> !c.getResolvedAt().isAfter(c.getDueAt())).count();
        long closed = complaints.stream().filter(c -> c.getStatus() == ComplaintStatus.CLOSED).count();
        long verified = complaints.stream().filter(c -> c.getStatus() == ComplaintStatus.CLOSED && c.getVerificationCallbackId() != null
                && c.getHistory().stream().anyMatch(n -> "verified and closed".equals(n.action()))).count();
        long reopened = complaints.stream().filter(c -> c.getHistory().stream().anyMatch(n -> n.action().startsWith("reopened"))).count();
        long stillOpen = complaints.stream().filter(c -> c.getStatus() != ComplaintStatus.CLOSED).count();
        long overdue = complaints.stream().filter(c -> c.getStatus() == ComplaintStatus.OPEN && c.getDueAt().isBefore(now)).count();
        Double hours = resolved.isEmpty() ? null : BigDecimal.valueOf(resolved.stream()
                .mapToLong(c -> java.time.Duration.between(c.getOpenedAt(), c.getResolvedAt()).toMinutes()).average().orElse(0) / 60.0)
                .setScale(1, RoundingMode.HALF_UP).doubleValue();
        return new ComplaintResolutionReport.Counts(complaints.size(), major, complaints.size() - major, resolved.size(), onTime,
                closed, verified, reopened, stillOpen, overdue, hours);
    }

    public ChurnReport churn(Period period) {
        List<Customer> customers = mongo.findAll(Customer.class);
        long dormantNow = customers.stream().filter(c -> c.getStatus() == CustomerStatus.DORMANT).count();
        List<Customer> newlyDormant = customers.stream().filter(c -> c.getDormantSince() != null
                && !c.getDormantSince().isBefore(period.from()) && c.getDormantSince().isBefore(period.to())).toList();
        long dormantBefore = customers.stream().filter(c -> c.getDormantSince() != null && c.getDormantSince().isBefore(period.from())).count();
        long knownAtStart = customers.stream().filter(c -> c.getCreatedAt() == null || c.getCreatedAt().isBefore(period.end(zone))).count();
        long activeAtStart = Math.max(0, knownAtStart - dormantBefore);
        Map<String, Long> reasons = new TreeMap<>(newlyDormant.stream().collect(Collectors.groupingBy(
                c -> c.getChurnReason() == null ? "UNKNOWN" : c.getChurnReason().name(), Collectors.counting())));
        return new ChurnReport(period, customers.size(), dormantNow, newlyDormant.size(), activeAtStart,
                percent(newlyDormant.size(), activeAtStart), reasons);
    }

    /** The monthly pack: stored once it was issued on the 3rd, computed live before. */
    public MonthlyPack monthlyPack(YearMonth month) {
        MonthlyPack issued = mongo.findById(month.toString(), MonthlyPack.class);
        return issued != null ? issued : compute(month, false, null);
    }

    MonthlyPack compute(YearMonth month, boolean issue, Instant at) {
        Period period = Period.month(month);
        return new MonthlyPack(month.toString(), month.plusMonths(1).atDay(3), issue, at, csi(period),
                complaintRate(period), complaintResolution(period, at != null ? at : java.time.Instant.now(clock)), churn(period));
    }

    private CsiReport.Row scoreRow(String department, List<BigDecimal> scores) {
        BigDecimal csi = scores.isEmpty() ? null : scores.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(scores.size()), 1, RoundingMode.HALF_UP);
        return new CsiReport.Row(department, scores.size(), csi, csi != null && csi.compareTo(BigDecimal.valueOf(crm.csiTarget())) >= 0);
    }

    private CsiReport.Row row(String department, List<CallbackTask> calls) {
        BigDecimal csi = calls.isEmpty() ? null : calls.stream().map(CallbackTask::getCsi).reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(calls.size()), 1, RoundingMode.HALF_UP);
        return new CsiReport.Row(department, calls.size(), csi, csi != null && csi.compareTo(BigDecimal.valueOf(crm.csiTarget())) >= 0);
    }

    private static Map<String, List<CallbackTask>> grouped(List<CallbackTask> calls, Function<CallbackTask, String> key) {
        return calls.stream().collect(Collectors.groupingBy(c -> String.valueOf(key.apply(c)), TreeMap::new, Collectors.toList()));
    }

    private static BigDecimal percent(long part, long whole) {
        if (whole == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
