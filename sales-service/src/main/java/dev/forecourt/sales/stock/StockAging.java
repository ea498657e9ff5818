package dev.forecourt.sales.stock;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import dev.forecourt.platform.money.Money;
import dev.forecourt.platform.store.ForecourtProperties;

/** The aging report: unsold new cars by days since they were received, in the store's calendar. */
@Service
public class StockAging {

    /** Bucket lower bounds in days; the usual 30-day steps a sales manager reviews. */
    private static final int[] BOUNDS = {0, 31, 61, 91};

    private final MongoTemplate mongo;
    private final Clock clock;
    private final ZoneId zone;

    public StockAging(MongoTemplate mongo, Clock clock, ForecourtProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.zone = properties.timeZone();
    }

    public AgingReport report(LocalDate asOf) {
        LocalDate day = asOf != null ? asOf : LocalDate.now(clock.withZone(zone));
        Query unsold = Query.query(Criteria.where(Vehicle.POOL).is(VehiclePool.STOCK)
                .and(Vehicle.STATUS).in(VehicleStatus.IN_STOCK, VehicleStatus.RESERVED));
        List<AgingReport.AgingLine> lines = new ArrayList<>();
        List<Vehicle> vehicles = mongo.find(unsold, Vehicle.class).stream()
                .filter(v -> !v.getReceivedAt().atZone(zone).toLocalDate().isAfter(day)).toList();
        for (Vehicle v : vehicles) {
            LocalDate receivedOn = v.getReceivedAt().atZone(zone).toLocalDate();
            lines.add(new AgingReport.AgingLine(v.getVin(), v.getSpec().model(), v.getSpec().trim(), v.getSpec().colour(), v.getStatus(),
                    receivedOn, ChronoUnit.DAYS.between(receivedOn, day)));
        }
        lines.sort(Comparator.comparingLong(AgingReport.AgingLine::days).reversed().thenComparing(AgingReport.AgingLine::vin));
        return new AgingReport(day, buckets(vehicles, lines), lines);
    }

    private static List<AgingReport.Bucket> buckets(List<Vehicle> vehicles, List<AgingReport.AgingLine> lines) {
        List<AgingReport.Bucket> buckets = new ArrayList<>();
        for (int i = 0; i < BOUNDS.length; i++) {
            int from = BOUNDS[i];
            Integer to = i + 1 < BOUNDS.length ? BOUNDS[i + 1] - 1 : null;
            int count = 0;
            Money value = Money.zero(Money.CNY);
            for (AgingReport.AgingLine line : lines) {
                if (line.days() >= from && (to == null || line.days() <= to)) {
                    count++;
                    Money price = vehicles.stream().filter(v -> v.getVin().equals(line.vin())).findFirst().orElseThrow().getSpec().listPrice();
                    value = value.plus(price);
                }
            }
            buckets.add(new AgingReport.Bucket(to == null ? from + "+" : from + "-" + to, from, to, count, value));
        }
        return buckets;
    }
}
