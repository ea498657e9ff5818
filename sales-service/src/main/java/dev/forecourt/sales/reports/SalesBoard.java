package dev.forecourt.sales.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import dev.forecourt.platform.money.Money;
import dev.forecourt.platform.store.ForecourtProperties;
import dev.forecourt.sales.leads.Lead;
import dev.forecourt.sales.leads.LeadSource;
import dev.forecourt.sales.leads.LeadStatus;
import dev.forecourt.sales.orders.SalesOrder;
import dev.forecourt.sales.orders.SalesOrderStatus;
import dev.forecourt.sales.targets.SalesTarget;
import dev.forecourt.sales.targets.SalesTargets;

/**
 * The sales board (销售看板): month-to-date orders (confirmed, not cancelled), deliveries and revenue
 * (the price of the cars delivered) against the manager's targets, for the store, each consultant
 * and each model; and monthly statistics over a year. Built from the orders themselves, so every
 * confirmation and delivery moves it at once.
 */
@Service
public class SalesBoard {

    private final MongoTemplate mongo;
    private final SalesTargets targets;
    private final Clock clock;
    private final ZoneId zone;

    public SalesBoard(MongoTemplate mongo, SalesTargets targets, Clock clock, ForecourtProperties properties) {
        this.mongo = mongo;
        this.targets = targets;
        this.clock = clock;
        this.zone = properties.timeZone();
    }

    /** Actual against target; the percentages are null where no target was set. */
    public record BoardLine(String key, String name, int ordersTarget, int orders, Double ordersPercent, int deliveriesTarget,
                       int deliveries, Double deliveriesPercent, Money revenueTarget, Money revenue, Double revenuePercent) {
    }

    public record Board(YearMonth month, LocalDate asOf, BoardLine store, List<BoardLine> consultants, List<BoardLine> models) {
    }

    public record MonthFigures(YearMonth month, int newLeads, int walkIns, int won, int lost, int orders, int deliveries, Money revenue,
                               int ordersTarget, int deliveriesTarget, Money revenueTarget) {
    }

    public record Statistics(int year, List<MonthFigures> months, BoardLine total) {
    }

    public Board board(YearMonth month) {
        YearMonth shown = month != null ? month : YearMonth.now(clock.withZone(zone));
        Facts facts = facts(shown.atDay(1), shown.atEndOfMonth());
        List<SalesTarget> set = targets.of(shown.toString());
        Map<String, Tally> byConsultant = new TreeMap<>();
        Map<String, Tally> byModel = new TreeMap<>();
        facts.ordered.forEach(o -> {
            tally(byConsultant, o.getConsultant().id(), o.getConsultant().name()).orders++;
            tally(byModel, o.getVehicle().model(), o.getVehicle().model()).orders++;
        });
        facts.delivered.forEach(o -> {
            tally(byConsultant, o.getConsultant().id(), o.getConsultant().name()).deliver(o.totalPrice());
            tally(byModel, o.getVehicle().model(), o.getVehicle().model()).deliver(o.totalPrice());
        });
        Tally store = new Tally("store", "store");
        facts.ordered.forEach(o -> store.orders++);
        facts.delivered.forEach(o -> store.deliver(o.totalPrice()));
        for (SalesTarget target : set) {
            switch (target.getScope()) {
                case STORE -> store.target(target);
                case CONSULTANT -> tally(byConsultant, target.getConsultantId(), target.getConsultantName()).target(target);
                case MODEL -> tally(byModel, target.getModel(), target.getModel()).target(target);
            }
        }
        if (set.stream().noneMatch(t -> t.getScope() == SalesTarget.Scope.STORE)) {
            // Without a store target the consultants' targets add up to it.
            set.stream().filter(t -> t.getScope() == SalesTarget.Scope.CONSULTANT).forEach(store::target);
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate asOf = shown.atEndOfMonth().isBefore(today) ? shown.atEndOfMonth() : today;
        return new Board(shown, asOf, store.line(), lines(byConsultant), lines(byModel));
    }

    public Statistics statistics(Year year) {
        Year shown = year != null ? year : Year.now(clock.withZone(zone));
        Facts facts = facts(shown.atDay(1), shown.atMonth(12).atEndOfMonth());
        Map<YearMonth, SalesTarget> storeTargets = new LinkedHashMap<>();
        Map<YearMonth, List<SalesTarget>> consultantTargets = new LinkedHashMap<>();
        for (SalesTarget t : targets.of(null)) {
            if (t.monthly() && YearMonth.parse(t.getPeriod()).getYear() == shown.getValue()) {
                if (t.getScope() == SalesTarget.Scope.STORE) {
                    storeTargets.put(YearMonth.parse(t.getPeriod()), t);
                } else if (t.getScope() == SalesTarget.Scope.CONSULTANT) {
                    consultantTargets.computeIfAbsent(YearMonth.parse(t.getPeriod()), k -> new ArrayList<>()).add(t);
                }
            }
        }
        List<MonthFigures> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth month = shown.atMonth(m);
            Tally tally = new Tally(month.toString(), month.toString());
            if (storeTargets.containsKey(month)) {
                tally.target(storeTargets.get(month));
            } else {
                consultantTargets.getOrDefault(month, List.of()).forEach(tally::target);
            }
            facts.ordered.stream().filter(o -> in(month, o.getConfirmedAt())).forEach(o -> tally.orders++);
            facts.delivered.stream().filter(o -> in(month, o.getDelivery().deliveredAt())).forEach(o -> tally.deliver(o.totalPrice()));
            int newLeads = (int) facts.leadsOpened.stream().filter(l -> in(month, l.getCreatedAt())).count();
            int walkIns = (int) facts.leadsOpened.stream().filter(l -> in(month, l.getCreatedAt()) && l.getSource() == LeadSource.WALK_IN).count();
            int won = (int) facts.leadsClosed.stream().filter(l -> in(month, l.getClosedAt()) && l.getStatus() == LeadStatus.WON).count();
            int lost = (int) facts.leadsClosed.stream().filter(l -> in(month, l.getClosedAt()) && l.getStatus() == LeadStatus.LOST).count();
            months.add(new MonthFigures(month, newLeads, walkIns, won, lost, tally.orders, tally.deliveries, tally.revenue,
                    tally.ordersTarget, tally.deliveriesTarget, tally.revenueTarget));
        }
        Tally total = new Tally(shown.toString(), "year");
        targets.of(shown.toString()).stream().filter(t -> t.getScope() == SalesTarget.Scope.STORE).forEach(total::target);
        facts.ordered.forEach(o -> total.orders++);
        facts.delivered.forEach(o -> total.deliver(o.totalPrice()));
        return new Statistics(shown.getValue(), months, total.line());
    }

    private boolean in(YearMonth month, Instant at) {
        return at != null && YearMonth.from(at.atZone(zone)).equals(month);
    }

    private record Facts(List<SalesOrder> ordered, List<SalesOrder> delivered, List<Lead> leadsOpened, List<Lead> leadsClosed) {
    }

    private Facts facts(LocalDate first, LocalDate last) {
        Instant from = first.atStartOfDay(zone).toInstant();
        Instant to = last.plusDays(1).atStartOfDay(zone).toInstant();
        List<SalesOrder> ordered = mongo.find(Query.query(Criteria.where("confirmedAt").gte(from).lt(to)
                .and("status").ne(SalesOrderStatus.CANCELLED)), SalesOrder.class);
        List<SalesOrder> delivered = mongo.find(Query.query(Criteria.where("delivery.deliveredAt").gte(from).lt(to)), SalesOrder.class);
        List<Lead> opened = mongo.find(Query.query(Criteria.where("createdAt").gte(from).lt(to)), Lead.class);
        List<Lead> closed = mongo.find(Query.query(Criteria.where("closedAt").gte(from).lt(to)), Lead.class);
        return new Facts(ordered, delivered, opened, closed);
    }

    private static List<BoardLine> lines(Map<String, Tally> tallies) {
        return tallies.values().stream().map(Tally::line).sorted(Comparator.comparing(BoardLine::key)).toList();
    }

    private static Tally tally(Map<String, Tally> tallies, String key, String name) {
        return tallies.computeIfAbsent(key, k -> new Tally(k, name));
    }

    /** Mutable counters while one board is built. */
    private static final class Tally {
        final String key;
        String name;
        int orders;
        int deliveries;
        Money revenue = Money.zero(Money.CNY);
        int ordersTarget;
        int deliveriesTarget;
        Money revenueTarget = Money.zero(Money.CNY);
        boolean targeted;

        Tally(String key, String name) {
            this.key = key;
            this.name = name;
        }

        void deliver(Money price) {
            deliveries++;
            revenue = revenue.plus(price);
        }

        void target(SalesTarget target) {
            targeted = true;
            ordersTarget += target.getOrders();
            deliveriesTarget += target.getDeliveries();
            revenueTarget = revenueTarget.plus(target.getRevenue());
            if (name == null && target.getConsultantName() != null) {
                name = target.getConsultantName();
            }
        }

        BoardLine line() {
            return new BoardLine(key, name, ordersTarget, orders, percent(orders, ordersTarget), deliveriesTarget, deliveries,
                    percent(deliveries, deliveriesTarget), revenueTarget, revenue,
                    targeted ? percent(revenue.amount(), revenueTarget.amount()) : null);
        }

        private Double percent(int actual, int target) {
            return targeted ? percent(BigDecimal.valueOf(actual), BigDecimal.valueOf(target)) : null;
        }

        private static Double percent(BigDecimal actual, BigDecimal target) {
            if (target.signum() == 0) {
                return null;
            }
            return actual.multiply(BigDecimal.valueOf(100)).divide(target, 1, RoundingMode.HALF_UP).doubleValue();
        }
    }
}
