package dev.forecourt.parts.waiting;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import dev.forecourt.parts.purchasing.PurchaseOrder;
import dev.forecourt.parts.purchasing.PurchaseOrders;
import dev.forecourt.parts.repairorders.PartsLine;
import dev.forecourt.parts.repairorders.RepairOrder;
import dev.forecourt.parts.repairorders.RepairOrders;
import dev.forecourt.parts.reservations.Reservation;
import dev.forecourt.parts.reservations.ReservationIds;
import dev.forecourt.parts.reservations.ReservationStatus;
import dev.forecourt.parts.stock.StockCard;
import dev.forecourt.parts.stock.StockLedger;

/**
 * The waiting repair-order lines: a refused reservation whose repair order parts-service knows as
 * open (from the workshop's events) with the line still on it, for the same part.
 */
@Component
public class WaitingLines {

    /** What is known now about the parts of one purchase order, before its confirmation is applied. */
    public record Snapshot(Map<String, List<WaitingLine>> linesByPart, Map<String, Integer> availableByPart,
                           Map<String, List<Supply>> otherSuppliesByPart) {

        /** The waiting lines the given order's lines cover and for which it has an arrival date. */
        public List<WaitingLinePolicy.ByOrder> coveredBy(String purchaseOrderId, List<Supply> ownSupplies) {
            List<WaitingLinePolicy.ByOrder> covered = new ArrayList<>();
            linesByPart.forEach((part, lines) -> {
                List<Supply> supplies = new ArrayList<>(otherSuppliesByPart.getOrDefault(part, List.of()));
                ownSupplies.stream().filter(s -> s.partNumber().equals(part)).forEach(supplies::add);
                WaitingLinePolicy.cover(lines, availableByPart.getOrDefault(part, 0), supplies).stream()
                        .filter(c -> c instanceof WaitingLinePolicy.ByOrder by && by.supply().purchaseOrderId().equals(purchaseOrderId)
                                && by.supply().expectedArrival() != null)
                        .map(WaitingLinePolicy.ByOrder.class::cast).forEach(covered::add);
            });
            return covered;
        }
    }

    private final MongoTemplate mongo;
    private final RepairOrders repairOrders;
    private final PurchaseOrders purchaseOrders;
    private final StockLedger ledger;

    WaitingLines(MongoTemplate mongo, RepairOrders repairOrders, PurchaseOrders purchaseOrders, StockLedger ledger) {
        this.mongo = mongo;
        this.repairOrders = repairOrders;
        this.purchaseOrders = purchaseOrders;
        this.ledger = ledger;
    }

    /** Waiting lines of the given parts (all parts when null), in serving order. */
    public List<WaitingLine> of(Collection<String> partNumbers) {
        Query query = query(where("status").is(ReservationStatus.REFUSED));
        if (partNumbers != null) {
            query.addCriteria(where("partNumber").in(partNumbers));
        }
        List<Reservation> refused = mongo.find(query, Reservation.class);
        if (refused.isEmpty()) {
            return List.of();
        }
        Map<String, RepairOrder> orders = repairOrders.byIds(refused.stream().map(Reservation::repairOrderId).distinct().toList())
                .stream().collect(Collectors.toMap(RepairOrder::getId, Function.identity()));
        List<WaitingLine> waiting = new ArrayList<>();
        for (Reservation r : refused) {
            RepairOrder order = orders.get(r.repairOrderId());
            Optional<PartsLine> line = order == null || !order.isOpen() ? Optional.empty()
                    : order.line(r.lineId()).filter(l -> l.partNumber().equals(r.partNumber()));
            line.ifPresent(l -> waiting.add(new WaitingLine(r.id(), r.repairOrderId(), order.getOrderNumber(), r.lineId(), r.partNumber(),
                    r.quantity(), order.getPromisedAt(), l.addedAt() != null ? l.addedAt() : r.requestedAt())));
        }
        return waiting.stream().sorted(WaitingLinePolicy.SERVING_ORDER).toList();
    }

    /**
     * The parts of those of the order's lines whose reservation was refused: only such a line can be
     * waiting. Looked up by the reservations' ids (derived from the lines), not by a search of every
     * refused reservation, since it runs for every line parts-service learns from the workshop.
     */
    public Set<String> refusedParts(String repairOrderId, Collection<String> lineIds) {
        if (lineIds.isEmpty()) {
            return Set.of();
        }
        Query refused = query(where("_id").in(lineIds.stream().map(line -> ReservationIds.of(repairOrderId, line)).toList())
                .and("status").is(ReservationStatus.REFUSED));
        return mongo.find(refused, Reservation.class).stream().map(Reservation::partNumber).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Whether the line is still waiting-worthy: its repair order is open and the line still on it. */
    public boolean stillOnOpenOrder(String repairOrderId, String lineId) {
        return repairOrders.byIds(List.of(repairOrderId)).stream().anyMatch(o -> o.isOpen() && o.line(lineId).isPresent());
    }

    /** The waiting lines of the given parts with what covers each (serving order within a part). */
    public List<WaitingLinePolicy.Cover> covers(Collection<String> partNumbers) {
        List<WaitingLine> lines = of(partNumbers);
        Set<String> parts = lines.stream().map(WaitingLine::partNumber).collect(Collectors.toCollection(TreeSet::new));
        Map<String, Integer> available = available(parts);
        Map<String, List<Supply>> supplies = supplies(parts, null);
        Map<String, List<WaitingLine>> byPart = lines.stream().collect(Collectors.groupingBy(WaitingLine::partNumber));
        List<WaitingLinePolicy.Cover> covers = new ArrayList<>();
        parts.forEach(part -> covers.addAll(WaitingLinePolicy.cover(byPart.get(part), available.getOrDefault(part, 0),
                supplies.getOrDefault(part, List.of()))));
        return covers;
    }

    /** Everything needed to tell, once the order is confirmed, which waiting lines it covers. */
    public Snapshot snapshotFor(PurchaseOrder order) {
        Set<String> parts = order.getLines().stream().map(l -> l.partNumber()).collect(Collectors.toCollection(TreeSet::new));
        Map<String, List<WaitingLine>> byPart = of(parts).stream().collect(Collectors.groupingBy(WaitingLine::partNumber));
        return new Snapshot(byPart, available(byPart.keySet()), supplies(byPart.keySet(), order.getId()));
    }

    private Map<String, Integer> available(Collection<String> parts) {
        return parts.isEmpty() ? Map.of() : ledger.cards(List.copyOf(parts)).stream()
                .collect(Collectors.toMap(StockCard::getPartNumber, StockCard::getAvailable));
    }

    private Map<String, List<Supply>> supplies(Collection<String> parts, String exceptOrderId) {
        if (parts.isEmpty()) {
            return Map.of();
        }
        return purchaseOrders.receiving().stream().filter(o -> !o.getId().equals(exceptOrderId))
                .flatMap(o -> o.supplies().stream()).filter(s -> parts.contains(s.partNumber()))
                .collect(Collectors.groupingBy(Supply::partNumber));
    }

    static LocalDate arrivalOf(WaitingLinePolicy.Cover cover) {
        return cover instanceof WaitingLinePolicy.ByOrder by ? by.supply().expectedArrival() : null;
    }
}
