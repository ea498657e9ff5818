package dev.forecourt.sales.supply;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.domain.Lifecycle;
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.InvalidValue;
import dev.forecourt.platform.errors.VersionConflict;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.sales.supply.VehicleOrderEvents.ColourLine;
import dev.forecourt.sales.supply.VehicleOrderEvents.ForecastLine;

/**
 * The monthly supply plan told to the carmaker: N+1/N+2 forecasts, next month's colours, and the
 * month's vehicle order drafted from them. The plan goes to the OEM first; only what the OEM
 * took is recorded (an unreachable OEM changes nothing).
 */
@Service
public class SupplyPlans {

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final OemVehicleDistribution oem;
    private final VehicleOrders orders;
    private final Clock clock;

    public SupplyPlans(MongoTemplate mongo, AggregateStore store, OemVehicleDistribution oem, VehicleOrders orders, Clock clock) {
        this.mongo = mongo;
        this.store = store;
        this.oem = oem;
        this.orders = orders;
        this.clock = clock;
    }

    /** Submits (or revises) the forecast of a month one or two months ahead. */
    public SupplyPlan forecast(YearMonth month, List<ForecastLine> lines, ExpectedVersion expected, Actor by) {
        YearMonth now = orders.thisMonth();
        SupplyPlan.horizonOf(month, now);
        SupplyPlan existing = mongo.findById(SupplyPlan.idOf(month), SupplyPlan.class);
        if (existing != null) {
            // refuse before telling the OEM: a confirmed month's forecast stands
            if (!expected.matches(existing.getVersion())) {
                throw new VersionConflict("SupplyPlan", existing.getId(), existing.getVersion());
            }
            Lifecycle.requireTransition(existing.getStatus(), SupplyPlan.Status.FORECAST,
                    "The colours of " + month + " are confirmed; the forecast stands");
        }
        String reference = oem.submitPlan(orders.dealerCode(), month,
                lines.stream().map(l -> new OemVehicleDistribution.PlanLine(l.model(), l.trim(), null, l.quantity())).toList(), List.of())
                .reference();
        Instant at = clock.instant();
        if (existing == null) {
            return store.insert(SupplyPlan.forecast(month, now, lines, reference, at, by));
        }
        return store.change(SupplyPlan.class, existing.getId(), expected, plan -> plan.reviseForecast(now, lines, reference, at, by));
    }

    /** Confirms next month's colours; they must add up to its forecast. */
    public SupplyPlan confirmColours(YearMonth month, List<ColourLine> lines, ExpectedVersion expected, Actor by) {
        YearMonth now = orders.thisMonth();
        SupplyPlan plan = get(month);
        if (!expected.matches(plan.getVersion())) {
            throw new VersionConflict("SupplyPlan", plan.getId(), plan.getVersion());
        }
        // the rules first, on a copy that is not written: the OEM hears only colours that add up
        plan.confirmColours(now, lines, "pending", clock.instant(), by);
        String reference = oem.submitPlan(orders.dealerCode(), month,
                plan.getForecast().stream().map(l -> new OemVehicleDistribution.PlanLine(l.model(), l.trim(), null, l.quantity())).toList(),
                lines.stream().map(l -> new OemVehicleDistribution.PlanLine(l.model(), l.trim(), l.colour(), l.quantity())).toList())
                .reference();
        Instant at = clock.instant();
        return store.change(SupplyPlan.class, plan.getId(), ExpectedVersion.of(plan.getVersion()),
                p -> p.confirmColours(now, lines, reference, at, by));
    }

    /** The confirmed colours become the month's vehicle order (a draft, for the sales manager to approve). */
    public VehicleOrder order(YearMonth month, String note, ExpectedVersion expected, Actor by) {
        SupplyPlan plan = get(month);
        if (!expected.matches(plan.getVersion())) {
            throw new VersionConflict("SupplyPlan", plan.getId(), plan.getVersion());
        }
        plan.requireOrderable();
        List<VehicleOrder.VehicleOrderLine> lines = plan.getColours().stream()
                .filter(l -> l.quantity() > 0)
                .map(l -> new VehicleOrder.VehicleOrderLine(0, l.model(), l.trim(), l.colour(), l.quantity())).toList();
        if (lines.isEmpty()) {
            throw new InvalidValue("The confirmed colours of " + month + " order no car", new FieldProblem("colours", "add up to 0"));
        }
        // checked first, stored last: a month whose order the rules refuse stays orderable
        VehicleOrder drafted = orders.numbered("vo-" + UUID.randomUUID(), VehicleOrder.Kind.MONTHLY, month, plan.getId(), lines, note, by);
        // the plan is marked before the order is stored (version-guarded): the same month is ordered once
        store.change(SupplyPlan.class, plan.getId(), expected.or(plan.getVersion()), p -> p.ordered(drafted.getId()));
        return orders.insert(drafted);
    }

    public SupplyPlan get(YearMonth month) {
        return store.find(SupplyPlan.class, SupplyPlan.idOf(month));
    }

    public List<SupplyPlan> all() {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(24), SupplyPlan.class);
    }
}
