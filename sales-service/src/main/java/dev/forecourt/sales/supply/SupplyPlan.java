package dev.forecourt.sales.supply;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.domain.Lifecycle;
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.IllegalTransition;
import dev.forecourt.platform.errors.InvalidValue;
import dev.forecourt.platform.errors.RuleViolated;
import dev.forecourt.platform.events.outbox.OutboxAggregate;
import dev.forecourt.sales.supply.VehicleOrderEvents.ColourLine;
import dev.forecourt.sales.supply.VehicleOrderEvents.ForecastLine;

/**
 * The supply plan of one month, told to the carmaker ahead (N+1/N+2 数量预测): the forecast of
 * cars per model and trim, revised while the month is one or two months ahead; for next month the
 * colours are confirmed (次月颜色确认), adding up per model and trim to the forecast; the confirmed
 * colours become the month's vehicle order. The id is {@code sp-<yyyy-MM>}: one plan per month.
 */
@Document("supply_plans")
public class SupplyPlan extends OutboxAggregate {

    public enum Status implements Lifecycle<Status> {
        FORECAST, COLOURS_CONFIRMED, ORDERED;

        @Override
        public Set<Status> next() {
            return switch (this) {
                case FORECAST -> EnumSet.of(FORECAST, COLOURS_CONFIRMED);
                case COLOURS_CONFIRMED -> EnumSet.of(ORDERED);
                case ORDERED -> EnumSet.noneOf(Status.class);
            };
        }
    }

    @Id
    private String id;
    /** yyyy-MM. */
    private String month;
    private Status status;
    private List<ForecastLine> forecast = new ArrayList<>();
    private Instant forecastAt;
    private String forecastBy;
    private List<ColourLine> colours = new ArrayList<>();
    private Instant coloursConfirmedAt;
    private String coloursConfirmedBy;
    private String oemReference;
    private String vehicleOrderId;

    public static String idOf(YearMonth month) {
        return "sp-" + month;
    }

    /** A new plan with its first forecast; the month must be one or two months ahead of {@code now}. */
    public static SupplyPlan forecast(YearMonth month, YearMonth now, List<ForecastLine> lines, String oemReference, Instant at, Actor by) {
        SupplyPlan plan = new SupplyPlan();
        plan.id = idOf(month);
        plan.month = month.toString();
        plan.status = Status.FORECAST;
        plan.reviseForecast(now, lines, oemReference, at, by);
        return plan;
    }

    /** N+1 or N+2, refused otherwise (422 {@code forecast-month-out-of-range}). */
    public static String horizonOf(YearMonth month, YearMonth now) {
        if (month.equals(now.plusMonths(1))) {
            return "N+1";
        }
        if (month.equals(now.plusMonths(2))) {
            return "N+2";
        }
        throw new RuleViolated("forecast-month-out-of-range", "Not a forecast month",
                "Forecasts are for next month (N+1) or the month after (N+2), i.e. " + now.plusMonths(1) + " or " + now.plusMonths(2),
                new FieldProblem("month", "must be " + now.plusMonths(1) + " or " + now.plusMonths(2)));
    }

    public void reviseForecast(YearMonth now, List<ForecastLine> lines, String oemReference, Instant at, Actor by) {
        String horizon = horizonOf(getMonth(), now);
        status = Lifecycle.requireTransition(status, Status.FORECAST, "The colours of " + month + " are confirmed; the forecast stands");
        requireLines(lines);
        Map<String, ForecastLine> merged = new LinkedHashMap<>();
        for (ForecastLine line : lines) {
            if (merged.putIfAbsent(key(line.model(), line.trim()), line) != null) {
                throw new InvalidValue("Each model and trim once", new FieldProblem("lines", line.model() + " " + line.trim() + " appears twice"));
            }
        }
        forecast = new ArrayList<>(lines);
        forecastAt = at;
        forecastBy = by.id();
        this.oemReference = oemReference;
        raise(new VehicleOrderEvents.SupplyForecastSubmitted(id, month, horizon, List.copyOf(lines), forecastQuantity(), oemReference, at,
                by.id()));
    }

    /**
     * Next month's colours: only for N+1 (422 {@code colour-confirmation-month}); per model and trim
     * they add up to the forecast (422 {@code colour-split-mismatch} with {@code differences}).
     */
    public void confirmColours(YearMonth now, List<ColourLine> lines, String oemReference, Instant at, Actor by) {
        if (!getMonth().equals(now.plusMonths(1))) {
            throw new RuleViolated("colour-confirmation-month", "Colours are confirmed for next month",
                    "Colours are confirmed for next month (" + now.plusMonths(1) + "), not " + month,
                    new FieldProblem("month", "must be " + now.plusMonths(1)));
        }
        if (status != Status.FORECAST) {
            throw new IllegalTransition("The colours of " + month + " are already confirmed", status);
        }
        requireLines(lines);
        Map<String, Integer> coloured = new LinkedHashMap<>();
        lines.forEach(l -> coloured.merge(key(l.model(), l.trim()), l.quantity(), Integer::sum));
        Map<String, Integer> forecasted = new LinkedHashMap<>();
        forecast.forEach(l -> forecasted.merge(key(l.model(), l.trim()), l.quantity(), Integer::sum));
        List<String> differences = new ArrayList<>();
        forecasted.forEach((k, q) -> {
            int c = coloured.getOrDefault(k, 0);
            if (c != q) {
                differences.add(k + ": forecast " + q + ", colours " + c);
            }
        });
        coloured.forEach((k, c) -> {
            if (!forecasted.containsKey(k)) {
                differences.add(k + ": forecast 0, colours " + c);
            }
        });
        if (!differences.isEmpty()) {
            throw new RuleViolated("colour-split-mismatch", "Colours do not add up to the forecast",
                    "Per model and trim the colours must add up to the forecast: " + String.join("; ", differences),
                    new FieldProblem("lines", "do not add up to the forecast")).with("differences", differences);
        }
        status = Status.COLOURS_CONFIRMED;
        colours = new ArrayList<>(lines);
        coloursConfirmedAt = at;
        coloursConfirmedBy = by.id();
        this.oemReference = oemReference;
        raise(new VehicleOrderEvents.SupplyColoursConfirmed(id, month, List.copyOf(lines), colours.stream().mapToInt(ColourLine::quantity).sum(),
                oemReference, at, by.id()));
    }

    /** The confirmed colours became the month's vehicle order. */
    public void ordered(String vehicleOrderId) {
        status = Lifecycle.requireTransition(status, Status.ORDERED, status == Status.FORECAST
                ? "Confirm the colours of " + month + " before ordering it" : "The month " + month + " is already ordered (" + this.vehicleOrderId + ")");
        this.vehicleOrderId = vehicleOrderId;
    }

    /** Would {@link #ordered} accept? Checked before the order is drafted. */
    public void requireOrderable() {
        Lifecycle.requireTransition(status, Status.ORDERED, status == Status.FORECAST
                ? "Confirm the colours of " + month + " before ordering it" : "The month " + month + " is already ordered (" + vehicleOrderId + ")");
    }

    private static void requireLines(List<?> lines) {
        if (lines == null || lines.isEmpty()) {
            throw new InvalidValue("At least one line", new FieldProblem("lines", "must not be empty"));
        }
    }

    private static String key(String model, String trim) {
        return (model.trim() + " " + (trim == null ? "" : trim.trim())).trim().toLowerCase(Locale.ROOT);
    }

    public int forecastQuantity() {
        return forecast.stream().mapToInt(ForecastLine::quantity).sum();
    }

    public String getId() { return id; }
    public YearMonth getMonth() { return YearMonth.parse(month); }
    public Status getStatus() { return status; }
    public List<ForecastLine> getForecast() { return List.copyOf(forecast); }
    public Instant getForecastAt() { return forecastAt; }
    public String getForecastBy() { return forecastBy; }
    public List<ColourLine> getColours() { return List.copyOf(colours); }
    public Instant getColoursConfirmedAt() { return coloursConfirmedAt; }
    public String getColoursConfirmedBy() { return coloursConfirmedBy; }
    public String getOemReference() { return oemReference; }
    public String getVehicleOrderId() { return vehicleOrderId; }
}
