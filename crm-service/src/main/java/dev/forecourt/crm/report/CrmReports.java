package dev.forecourt.crm.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
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
import dev.forecourt.crm.complaint.Complaint;
import dev.forecourt.crm.config.CrmProperties;
import dev.forecourt.crm.customer.Customer;
import dev.forecourt.crm.customer.CustomerStatus;
import dev.forecourt.platform.store.ForecourtProperties;

/** Computes the customer-service reports from recorded callbacks, complaints and profiles. */
@Service
public class CrmReports {

    private static final List<CallbackKind> CONTACTS = List.of(CallbackKind.DELIVERY_FOLLOW_UP, CallbackKind.SERVICE_FOLLOW_UP);

    private final MongoTemplate mongo;
    private final CrmProperties crm;
    private final ZoneId zone;

    public CrmReports(MongoTemplate mongo, CrmProperties crm, ForecourtProperties store) {
        this.mongo = mongo;
        this.crm = crm;
        this.zone = store.timeZone();
    }

    public CsiReport csi(Period period) {
        List<CallbackTask> calls = mongo.find(Query.query(Criteria.where("status").is(CallbackStatus.COMPLETED)
                .and("csi").ne(null)
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
        return new CsiReport(period, crm.csiTarget(), row("all", calls), departments, staff);
    }

    public ComplaintRateReport complaintRate(Period period) {
        Instant from = period.start(zone);
        Instant to = period.end(zone);
        long complaints = mongo.count(Query.query(Criteria.where("openedAt").gte(from).lt(to)), Complaint.class);
        long contacts = mongo.count(Query.query(Criteria.where("kind").in(CONTACTS).and("triggeredAt").gte(from).lt(to)),
                CallbackTask.class);
        BigDecimal rate = percent(complaints, contacts);
        return new ComplaintRateReport(period, complaints, contacts, rate, crm.complaintRateTarget(),
                rate.doubleValue() <= crm.complaintRateTarget());
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
                complaintRate(period), churn(period));
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
