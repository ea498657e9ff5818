package dev.forecourt.sales.targets;

import java.time.Instant;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.InvalidValue;
import dev.forecourt.platform.errors.RuleViolated;
import dev.forecourt.platform.events.outbox.OutboxAggregate;
import dev.forecourt.platform.money.Money;

/**
 * A sales target (销售计划) the sales manager sets for a month ({@code 2026-12}) or a year
 * ({@code 2026}): for the whole store, one consultant or one model. One target per period and
 * scope: the id is derived from them.
 */
@Document("sales_targets")
public class SalesTarget extends OutboxAggregate {

    public enum Scope { STORE, CONSULTANT, MODEL }

    @Id
    private String id;
    private String period;
    private Scope scope;
    private String consultantId;
    private String consultantName;
    private String model;
    private int orders;
    private int deliveries;
    private Money revenue;
    private Instant setAt;
    private String setBy;

    public static SalesTarget set(String period, String consultantId, String consultantName, String model, int orders, int deliveries,
                                  Money revenue, Instant at, Actor by) {
        requirePeriod(period);
        if (consultantId != null && model != null) {
            throw new InvalidValue("A target is for the store, one consultant or one model, not both",
                    new FieldProblem("model", "must be empty when consultantId is given"));
        }
        SalesTarget target = new SalesTarget();
        target.period = period;
        target.scope = consultantId != null ? Scope.CONSULTANT : model != null ? Scope.MODEL : Scope.STORE;
        target.consultantId = consultantId;
        target.consultantName = consultantName;
        target.model = model;
        target.id = idOf(period, target.scope, consultantId != null ? consultantId : model);
        target.change(orders, deliveries, revenue, at, by);
        return target;
    }

    /** The manager revises the figures. */
    public void change(int orders, int deliveries, Money revenue, Instant at, Actor by) {
        if (orders < 0 || deliveries < 0 || revenue.isNegative()) {
            throw new RuleViolated("target-negative", "Negative target", "Targets are zero or more",
                    new FieldProblem(orders < 0 ? "orders" : deliveries < 0 ? "deliveries" : "revenue", "must be 0 or more"));
        }
        this.orders = orders;
        this.deliveries = deliveries;
        this.revenue = revenue;
        this.setAt = at;
        this.setBy = by.id();
        raise(new SalesTargetSet(id, period, scope, consultantId, consultantName, model, orders, deliveries, revenue, at, by.id()));
    }

    public static String idOf(String period, Scope scope, String key) {
        String slug = key == null ? "" : "-" + key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return "st-" + period + "-" + scope.name().toLowerCase(Locale.ROOT) + slug;
    }

    /** {@code yyyy-MM} (a month) or {@code yyyy} (a year). */
    static void requirePeriod(String period) {
        try {
            if (period != null && period.length() == 7) {
                YearMonth.parse(period);
                return;
            }
            if (period != null && period.length() == 4) {
                Year.parse(period);
                return;
            }
        } catch (DateTimeParseException e) {
            // falls through to the refusal
        }
        throw new InvalidValue("period is a month (2026-12) or a year (2026)", new FieldProblem("period", "must be yyyy-MM or yyyy"));
    }

    public boolean monthly() {
        return period.length() == 7;
    }

    public String getId() { return id; }
    public String getPeriod() { return period; }
    public Scope getScope() { return scope; }
    public String getConsultantId() { return consultantId; }
    public String getConsultantName() { return consultantName; }
    public String getModel() { return model; }
    public int getOrders() { return orders; }
    public int getDeliveries() { return deliveries; }
    public Money getRevenue() { return revenue; }
    public Instant getSetAt() { return setAt; }
    public String getSetBy() { return setBy; }
}
