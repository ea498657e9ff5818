package dev.forecourt.sales.supply;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
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
        return forecastTaken(month, lines, expected, reference, by);
    }

    /**
     * Records a forecast the OEM took under {@code reference}: a new plan, or the month's plan revised.
     * The demo store records the OEM's receipt so, as the simulator is not up when it is seeded.
     */
    public SupplyPlan forecastTaken(YearMonth month, List<ForecastLine> lines, ExpectedVersion expected, String reference, Actor by) {
        YearMonth now = orders.thisMonth();
        Instant at = clock.instant();
        SupplyPlan existing = mongo.findById(SupplyPlan.idOf(month), SupplyPlan.class);
        if (existing == null) {
            try {
                return store.insert(SupplyPlan.forecast(month, now, lines, reference, at, by));
            } catch (DuplicateKeyException createdMeanwhile) {
                // another forecast of the month was stored first (the plan's id is the month): the caller reloads and sends
                // theirs again as a revision, so that the OEM hears last what is recorded
                SupplyPlan first = get(month);
                throw new VersionConflict("SupplyPlan", first.getId(), first.getVersion());
            }
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
        return coloursTaken(month, lines, ExpectedVersion.of(plan.getVersion()), reference, by);
    }

    /** Records next month's colours the OEM took under {@code reference} (the demo store seeds them so). */
    public SupplyPlan coloursTaken(YearMonth month, List<ColourLine> lines, ExpectedVersion expected, String reference, Actor by) {
        YearMonth now = orders.thisMonth();
        Instant at = clock.instant();
        return store.change(SupplyPlan.class, SupplyPlan.idOf(month), expected, p -> p.confirmColours(now, lines, reference, at, by));
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
        // the order's rules first: a month whose order they refuse stays orderable
        VehicleOrder.requireOrderableLines(lines);
        String orderId = "vo-" + UUID.randomUUID();
        // the plan is marked before the order is numbered and stored, guarded by the version it was read with: of two
        // orders of the same month at the same moment one marks it, the other is refused before it takes a number
        try {
            store.change(SupplyPlan.class, plan.getId(), expected.or(plan.getVersion()), p -> p.ordered(orderId));
        } catch (VersionConflict lostRace) {
            if (!expected.isGiven()) {
                get(month).requireOrderable(); // 409 naming the order that won, if that is what changed the plan
            }
            throw lostRace;
        }
        return orders.insert(orders.numbered(orderId, VehicleOrder.Kind.MONTHLY, month, plan.getId(), lines, note, by));
    }

    public SupplyPlan get(YearMonth month) {
        return store.find(SupplyPlan.class, SupplyPlan.idOf(month));
    }

    public List<SupplyPlan> all() {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(24), SupplyPlan.class);
    }
}
