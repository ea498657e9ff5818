package dev.forecourt.workshop.targets;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.RuleViolated;
import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;
import dev.forecourt.platform.events.outbox.OutboxAggregate;
import dev.forecourt.platform.money.Money;

/**
 * The after-sales targets of one month (月度服务目标), set by the service director: output (产值, net of
 * VAT, CNY), repair orders opened (进厂台次), customer satisfaction (CSI, 0–100 as CRM scores it), and the
 * highest acceptable return rate (回厂率, rework orders per order handed over) and complaint rate (major
 * complaints per order handed over), both as fractions (0.02 = 2 %). Setting them again replaces them.
 */
@Document("service_targets")
public class ServiceTarget extends OutboxAggregate {

    @Id
    private String id;
    private Money output;
    private int repairOrders;
    private BigDecimal csi;
    private BigDecimal returnRate;
    private BigDecimal complaintRate;
    private Actor setBy;
    private Instant setAt;

    ServiceTarget() {
    }

    public static ServiceTarget set(YearMonth month, Money output, int repairOrders, BigDecimal csi, BigDecimal returnRate,
                                    BigDecimal complaintRate, Actor by, Instant now) {
        ServiceTarget t = new ServiceTarget();
        t.id = month.toString();
        t.replace(output, repairOrders, csi, returnRate, complaintRate, by, now);
        return t;
    }

    /** New figures for the month; each must be a figure a month can reach. */
    public void replace(Money output, int repairOrders, BigDecimal csi, BigDecimal returnRate, BigDecimal complaintRate, Actor by,
                        Instant now) {
        if (!Money.CNY.equals(output.currency()) || output.amount().signum() < 0) {
            throw new RuleViolated("target-out-of-range", "Target out of range", "The output target is a CNY amount of at least 0",
                    new FieldProblem("output", "CNY, at least 0"));
        }
        if (repairOrders < 0) {
            throw new RuleViolated("target-out-of-range", "Target out of range", "The repair-order target is at least 0",
                    new FieldProblem("repairOrders", "at least 0"));
        }
        requireBetween("csi", csi, BigDecimal.valueOf(100));
        requireBetween("returnRate", returnRate, BigDecimal.ONE);
        requireBetween("complaintRate", complaintRate, BigDecimal.ONE);
        this.output = output;
        this.repairOrders = repairOrders;
        this.csi = csi;
        this.returnRate = returnRate;
        this.complaintRate = complaintRate;
        this.setBy = by;
        this.setAt = now;
        raise(new ServiceTargetSet(id, output, repairOrders, csi, returnRate, complaintRate, by.id(), now));
    }

    private static void requireBetween(String field, BigDecimal value, BigDecimal max) {
        if (value.signum() < 0 || value.compareTo(max) > 0) {
            throw new RuleViolated("target-out-of-range", "Target out of range",
                    "The " + field + " target lies between 0 and " + max.toPlainString(),
                    new FieldProblem(field, "between 0 and " + max.toPlainString()));
        }
    }

    public String getId() { return id; }
    public YearMonth month() { return YearMonth.parse(id); }
    public Money getOutput() { return output; }
    public int getRepairOrders() { return repairOrders; }
    public BigDecimal getCsi() { return csi; }
    public BigDecimal getReturnRate() { return returnRate; }
    public BigDecimal getComplaintRate() { return complaintRate; }
    public Actor getSetBy() { return setBy; }
    public Instant getSetAt() { return setAt; }

    @EventType("forecourt.workshop.service-target-set.v1")
    public record ServiceTargetSet(String month, Money output, int repairOrders, BigDecimal csi, BigDecimal returnRate,
                                   BigDecimal complaintRate, String setBy, Instant setAt) implements DomainEvent {
        @Override public String aggregateId() { return month; }
    }
}
