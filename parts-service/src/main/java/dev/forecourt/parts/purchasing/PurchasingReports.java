package dev.forecourt.parts.purchasing;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import dev.forecourt.parts.receiving.GoodsReceipt;
import dev.forecourt.parts.receiving.ReceiptLine;
import dev.forecourt.parts.suppliers.Supplier;
import dev.forecourt.parts.suppliers.Suppliers;
import dev.forecourt.platform.money.Money;
import dev.forecourt.platform.store.ForecourtProperties;

/** The planner's purchasing reports: open orders, overdue deliveries, back orders by part, supplier performance. */
@Service
public class PurchasingReports {

    public record OpenOrder(String purchaseOrderId, String orderNumber, String supplierId, String supplierName, PurchaseOrderStatus status,
                            int linesOutstanding, int piecesOutstanding, Money value, LocalDate expectedArrival) {
    }

    public record OverdueLine(String purchaseOrderId, String orderNumber, String supplierId, int lineNo, String partNumber, int outstanding,
                              LocalDate due, long daysOverdue) {
    }

    public record BackOrder(String partNumber, int backOrdered, List<String> orderNumbers, LocalDate earliestArrival) {
    }

    /**
     * @param onTimeRate    receipt lines against its orders that arrived by the promised date (or, unconfirmed, by sending + lead time)
     * @param fillRate      pieces received (up to what each line ordered) / pieces ordered over its closed orders
     * @param rejectionRate pieces refused at the goods-in desk / pieces delivered against its orders
     */
    public record SupplierPerformance(String supplierId, String name, Supplier.Kind kind, int orders, int receiptLines,
                                      BigDecimal onTimeRate, BigDecimal fillRate, BigDecimal rejectionRate) {
    }

    private final PurchaseOrders orders;
    private final Suppliers suppliers;
    private final MongoTemplate mongo;
    private final ForecourtProperties store;
    private final Clock clock;

    PurchasingReports(PurchaseOrders orders, Suppliers suppliers, MongoTemplate mongo, ForecourtProperties store, Clock clock) {
        this.orders = orders;
        this.suppliers = suppliers;
        this.mongo = mongo;
        this.store = store;
        this.clock = clock;
    }

    public List<OpenOrder> openOrders() {
        return orders.receiving().stream().map(o -> new OpenOrder(o.getId(), o.getOrderNumber(), o.getSupplierId(), o.getSupplierName(),
                o.getStatus(), (int) o.getLines().stream().filter(l -> l.outstanding() > 0).count(),
                o.getLines().stream().mapToInt(PurchaseOrderLine::outstanding).sum(), o.value(),
                o.getLines().stream().filter(l -> l.outstanding() > 0).map(l -> due(o, l)).filter(java.util.Objects::nonNull)
                        .min(Comparator.naturalOrder()).orElse(null))).toList();
    }

    public List<OverdueLine> overdue() {
        LocalDate today = LocalDate.now(clock.withZone(store.timeZone()));
        List<OverdueLine> overdue = new ArrayList<>();
        for (PurchaseOrder order : orders.receiving()) {
            for (PurchaseOrderLine line : order.getLines()) {
                LocalDate due = due(order, line);
                if (line.outstanding() > 0 && due != null && due.isBefore(today)) {
                    overdue.add(new OverdueLine(order.getId(), order.getOrderNumber(), order.getSupplierId(), line.lineNo(), line.partNumber(),
                            line.outstanding(), due, java.time.temporal.ChronoUnit.DAYS.between(due, today)));
                }
            }
        }
        overdue.sort(Comparator.comparing(OverdueLine::due).thenComparing(OverdueLine::orderNumber).thenComparing(OverdueLine::lineNo));
        return overdue;
    }

    public List<BackOrder> backOrders() {
        Map<String, List<Object[]>> byPart = new TreeMap<>();
        for (PurchaseOrder order : orders.receiving()) {
            for (PurchaseOrderLine line : order.getLines()) {
                if (line.backOrdered() > 0 && line.outstanding() > 0) {
                    byPart.computeIfAbsent(line.partNumber(), p -> new ArrayList<>()).add(new Object[] {order, line});
                }
            }
        }
        return byPart.entrySet().stream().map(e -> new BackOrder(e.getKey(),
                e.getValue().stream().mapToInt(x -> Math.min(((PurchaseOrderLine) x[1]).backOrdered(), ((PurchaseOrderLine) x[1]).outstanding())).sum(),
                e.getValue().stream().map(x -> ((PurchaseOrder) x[0]).getOrderNumber()).distinct().toList(),
                e.getValue().stream().map(x -> ((PurchaseOrderLine) x[1]).expectedArrival()).filter(java.util.Objects::nonNull)
                        .min(Comparator.naturalOrder()).orElse(null))).toList();
    }

    public List<SupplierPerformance> supplierPerformance() {
        return suppliers.all().stream().map(this::performanceOf).toList();
    }

    public SupplierPerformance performanceOf(Supplier supplier) {
        List<PurchaseOrder> placed = orders.ofSupplier(supplier.getId()).stream()
                .filter(o -> o.getSentAt() != null).toList();
        Map<String, PurchaseOrder> byId = placed.stream().collect(Collectors.toMap(PurchaseOrder::getId, Function.identity()));
        List<GoodsReceipt> receipts = byId.isEmpty() ? List.of()
                : mongo.find(query(where("purchaseOrderId").in(byId.keySet())), GoodsReceipt.class);
        int lines = 0;
        int onTime = 0;
        int delivered = 0;
        int rejected = 0;
        for (GoodsReceipt receipt : receipts) {
            PurchaseOrder order = byId.get(receipt.getPurchaseOrderId());
            LocalDate arrived = receipt.getReceivedAt().atZone(store.timeZone()).toLocalDate();
            for (ReceiptLine line : receipt.getLines()) {
                delivered += line.delivered();
                rejected += line.rejected();
                if (line.purchaseOrderLine() == null) {
                    continue;
                }
                lines++;
                PurchaseOrderLine ordered = order.getLines().stream().filter(l -> l.lineNo() == line.purchaseOrderLine()).findFirst().orElse(null);
                LocalDate due = ordered == null ? null : due(order, ordered, supplier.getLeadTimeDays());
                if (due == null || !arrived.isAfter(due)) {
                    onTime++;
                }
            }
        }
        List<PurchaseOrder> closed = placed.stream().filter(o -> o.getStatus() == PurchaseOrderStatus.CLOSED).toList();
        int orderedPieces = closed.stream().flatMap(o -> o.getLines().stream()).mapToInt(PurchaseOrderLine::ordered).sum();
        // line by line: extra pieces of one line (an approved over-delivery) fill no other line
        int filledPieces = closed.stream().flatMap(o -> o.getLines().stream()).mapToInt(l -> Math.min(l.received(), l.ordered())).sum();
        return new SupplierPerformance(supplier.getId(), supplier.getName(), supplier.getKind(), placed.size(), lines, rate(onTime, lines),
                rate(filledPieces, orderedPieces), rate(rejected, delivered));
    }

    private LocalDate due(PurchaseOrder order, PurchaseOrderLine line) {
        Supplier supplier = mongo.findById(order.getSupplierId(), Supplier.class);
        return due(order, line, supplier == null ? 0 : supplier.getLeadTimeDays());
    }

    /** The promised arrival, or for an unconfirmed order the sending date plus the supplier's lead time. */
    private LocalDate due(PurchaseOrder order, PurchaseOrderLine line, int leadTimeDays) {
        if (line.expectedArrival() != null) {
            return line.expectedArrival();
        }
        return order.getSentAt() == null ? null : order.getSentAt().atZone(store.timeZone()).toLocalDate().plusDays(leadTimeDays);
    }

    private static BigDecimal rate(int part, int whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
