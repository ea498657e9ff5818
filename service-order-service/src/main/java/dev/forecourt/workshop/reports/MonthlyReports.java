package dev.forecourt.workshop.reports;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

import org.springframework.stereotype.Service;

import dev.forecourt.platform.store.ForecourtProperties;
import dev.forecourt.workshop.repairorder.RepairOrders;
import dev.forecourt.workshop.targets.CustomerFeedback;
import dev.forecourt.workshop.targets.ServiceTargets;

/** The month's reports: KPIs against the month's targets, the technicians' evaluation. A month runs in the store's time zone. */
@Service
public class MonthlyReports {

    private final RepairOrders orders;
    private final ServiceTargets targets;
    private final CustomerFeedback feedback;
    private final ZoneId zone;

    MonthlyReports(RepairOrders orders, ServiceTargets targets, CustomerFeedback feedback, ForecourtProperties store) {
        this.orders = orders;
        this.targets = targets;
        this.feedback = feedback;
        this.zone = store.timeZone();
    }

    public TechnicianEvaluation.Month technicianEvaluations(YearMonth month) {
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        return TechnicianEvaluation.of(month, zone, orders.workedOrCheckedBetween(from, to), orders.reworkedBetween(from, to));
    }

    public MonthlyKpis kpis(YearMonth month) {
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        CustomerFeedback.Satisfaction satisfaction = feedback.satisfaction(from, to);
        return MonthlyKpis.of(month, targets.of(month).orElse(null), orders.handedOverIn(from, to), orders.openedBetween(from, to),
                orders.reworkOpenedBetween(from, to), satisfaction.responses(), satisfaction.csi(),
                feedback.majorComplaints(from, to));
    }
}
