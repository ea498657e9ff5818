package dev.forecourt.sales.stock;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.NotFound;

/** Monthly stock counts: the book (vehicles on hand, demo cars included) against the VINs found on the lot. */
@Service
public class StockCounts {

    private final MongoTemplate mongo;
    private final Clock clock;

    public StockCounts(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public StockCount record(YearMonth month, List<String> countedVins, Actor by) {
        Set<String> counted = new LinkedHashSet<>();
        countedVins.forEach(vin -> counted.add(vin.trim().toUpperCase(Locale.ROOT)));
        VehicleStatus[] onHand = Arrays.stream(VehicleStatus.values()).filter(VehicleStatus::onHand).toArray(VehicleStatus[]::new);
        List<String> expected = mongo.find(Query.query(Criteria.where(Vehicle.STATUS).in((Object[]) onHand)), Vehicle.class)
                .stream().map(Vehicle::getVin).sorted().toList();
        List<String> missing = expected.stream().filter(vin -> !counted.contains(vin)).toList();
        List<String> unexpected = counted.stream().filter(vin -> !expected.contains(vin)).sorted().toList();
        StockCount count = new StockCount(month.toString(), clock.instant(), by.id(), by.displayName(), expected,
                List.copyOf(counted), missing, unexpected);
        // insert, not save: a second count of the same month is a 409 duplicate, never an overwrite.
        return mongo.insert(count);
    }

    public StockCount get(YearMonth month) {
        StockCount count = mongo.findById(month.toString(), StockCount.class);
        if (count == null) {
            throw new NotFound("Stock count", month);
        }
        return count;
    }
}
