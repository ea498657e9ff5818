package dev.forecourt.sales.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import dev.forecourt.platform.money.Money;
import dev.forecourt.platform.store.ForecourtProperties;
import dev.forecourt.sales.orders.OrderRecords.AccessoryLine;
import dev.forecourt.sales.orders.SalesOrder;
import dev.forecourt.sales.orders.SalesOrderStatus;

/** The daily accessory sales report (精品销售日报): what was sold with cars that day, revenue, cost and margin. */
@Service
public class AccessorySales {

    private final MongoTemplate mongo;
    private final ZoneId zone;

    public AccessorySales(MongoTemplate mongo, ForecourtProperties properties) {
        this.mongo = mongo;
        this.zone = properties.timeZone();
    }

    public record AccessorySaleLine(String salesOrderId, String consultantId, String consultantName, String partNumber, String description,
                       int quantity, Money revenue, Money cost, Money margin, Instant soldAt) {
    }

    public record AccessoryItem(String description, int quantity, Money revenue, Money cost, Money margin) {
    }

    public record AccessorySalesReport(LocalDate date, List<AccessorySaleLine> lines, List<AccessoryItem> byItem, int quantity, Money revenue, Money cost, Money margin) {
    }

    /** Accessories on orders cancelled since are left out: they were not sold after all. */
    public AccessorySalesReport of(LocalDate date) {
        Instant from = date.atStartOfDay(zone).toInstant();
        Instant to = date.plusDays(1).atStartOfDay(zone).toInstant();
        Query query = Query.query(Criteria.where("accessories.soldAt").gte(from).lt(to).and("status").ne(SalesOrderStatus.CANCELLED));
        List<AccessorySaleLine> lines = new ArrayList<>();
        for (SalesOrder order : mongo.find(query, SalesOrder.class)) {
            for (AccessoryLine a : order.getAccessories()) {
                if (!a.soldAt().isBefore(from) && a.soldAt().isBefore(to)) {
                    lines.add(new AccessorySaleLine(order.getId(), order.getConsultant().id(), order.getConsultant().name(), a.partNumber(),
                            a.description(), a.quantity(), a.total(), a.cost(), a.total().minus(a.cost()), a.soldAt()));
                }
            }
        }
        lines.sort(Comparator.comparing(AccessorySaleLine::soldAt).thenComparing(AccessorySaleLine::salesOrderId));
        Map<String, AccessoryItem> items = new TreeMap<>();
        lines.forEach(l -> items.merge(l.description(), new AccessoryItem(l.description(), l.quantity(), l.revenue(), l.cost(), l.margin()),
                (a, b) -> new AccessoryItem(a.description(), a.quantity() + b.quantity(), a.revenue().plus(b.revenue()), a.cost().plus(b.cost()),
                        a.margin().plus(b.margin()))));
        Money zero = Money.zero(Money.CNY);
        return new AccessorySalesReport(date, lines, List.copyOf(items.values()), lines.stream().mapToInt(AccessorySaleLine::quantity).sum(),
                lines.stream().map(AccessorySaleLine::revenue).reduce(zero, Money::plus), lines.stream().map(AccessorySaleLine::cost).reduce(zero, Money::plus),
                lines.stream().map(AccessorySaleLine::margin).reduce(zero, Money::plus));
    }
}
