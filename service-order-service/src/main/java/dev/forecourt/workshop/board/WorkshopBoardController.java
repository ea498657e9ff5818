package dev.forecourt.workshop.board;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.platform.errors.ProblemException;
import dev.forecourt.platform.store.ForecourtProperties;
import dev.forecourt.workshop.config.WorkshopProperties;
import dev.forecourt.workshop.dispatch.Occupancy;
import dev.forecourt.workshop.dispatch.WorkshopFloor;
import dev.forecourt.workshop.repairorder.JobStatus;
import dev.forecourt.workshop.repairorder.RepairOrder;
import dev.forecourt.workshop.repairorder.RepairOrderStatus;
import dev.forecourt.workshop.technician.Technician;
import dev.forecourt.workshop.technician.TechnicianRoster;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/workshop")
@Tag(name = "Workshop board", description = "What is in every bay, what waits, what is late; rework rate")
class WorkshopBoardController {

    record BayView(String bayId, String repairOrderId, String orderNumber, String plate, String jobId, String operation,
                   String technicianId, String technicianName, Instant since) {
    }

    record OrderView(String repairOrderId, String orderNumber, String plate, String customerName, RepairOrderStatus status,
                     String waitingFor, Instant promisedAt, boolean late) {
    }

    record Board(List<BayView> bays, List<OrderView> waiting, List<OrderView> late, Instant at) {
    }

    record ReworkRate(LocalDate from, LocalDate to, long handedOver, long rework, BigDecimal rate) {
    }

    private final MongoTemplate mongo;
    private final WorkshopFloor floor;
    private final TechnicianRoster roster;
    private final WorkshopProperties workshop;
    private final ZoneId zone;
    private final Clock clock;

    WorkshopBoardController(MongoTemplate mongo, WorkshopFloor floor, TechnicianRoster roster, WorkshopProperties workshop,
                            ForecourtProperties store, Clock clock) {
        this.mongo = mongo;
        this.floor = floor;
        this.roster = roster;
        this.workshop = workshop;
        this.zone = store.timeZone();
        this.clock = clock;
    }

    @GetMapping("/board")
    @PreAuthorize("hasAuthority('workshop:read')")
    @Operation(summary = "Every bay with its job and technician (empty bays too), orders waiting and late vehicles")
    Board board() {
        Instant now = clock.instant();
        Map<String, Occupancy> byBay = floor.all().stream().filter(o -> o.id().startsWith("bay:"))
                .collect(Collectors.toMap(Occupancy::bayId, Function.identity(), (a, b) -> a));
        List<BayView> bays = workshop.bays().stream().map(bay -> {
            Occupancy o = byBay.get(bay);
            return o == null ? new BayView(bay, null, null, null, null, null, null, null, null)
                    : new BayView(bay, o.repairOrderId(), o.orderNumber(), o.plate(), o.jobId(), o.operation(),
                    o.technicianId(), o.technicianName(), o.since());
        }).toList();
        List<RepairOrder> active = mongo.find(query(where("status").in(RepairOrderStatus.OPEN, RepairOrderStatus.IN_WORK,
                RepairOrderStatus.QC_PASSED)), RepairOrder.class);
        List<OrderView> waiting = active.stream().map(o -> view(o, now)).filter(v -> v.waitingFor() != null)
                .sorted(Comparator.comparing(OrderView::promisedAt, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
        List<OrderView> late = active.stream().map(o -> view(o, now)).filter(OrderView::late)
                .sorted(Comparator.comparing(OrderView::promisedAt, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
        return new Board(bays, waiting, late, now);
    }

    @GetMapping("/technicians")
    @PreAuthorize("hasAuthority('workshop:read')")
    @Operation(summary = "The technician roster as learnt from hr-service's events")
    List<Technician> technicians() {
        return roster.all();
    }

    @GetMapping("/reports/rework")
    @PreAuthorize("hasAuthority('workshop:read')")
    @Operation(summary = "Rework rate (返修率): orders opened as rework per order handed over, in a date range")
    ReworkRate rework(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        if (to.isBefore(from)) {
            throw ProblemException.invalid("'to' is before 'from'");
        }
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        long handedOver = mongo.count(query(where("handover.handedOverAt").gte(start).lt(end)), RepairOrder.class);
        long rework = mongo.count(query(where("reworkOf").ne(null).and("openedAt").gte(start).lt(end)
                .and("status").ne(RepairOrderStatus.CANCELLED)), RepairOrder.class);
        BigDecimal rate = handedOver == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(rework).divide(BigDecimal.valueOf(handedOver), 4, RoundingMode.HALF_UP);
        return new ReworkRate(from, to, handedOver, rework, rate);
    }

    private static OrderView view(RepairOrder o, Instant now) {
        boolean late = o.isLate() || (o.getPromisedAt() != null && now.isAfter(o.getPromisedAt()));
        return new OrderView(o.getId(), o.getOrderNumber(), o.getVehicle().plate(), o.getCustomer().name(), o.getStatus(),
                waitingFor(o), o.getPromisedAt(), late);
    }

    /** What the order waits for, or null while someone is working on it. */
    private static String waitingFor(RepairOrder o) {
        if (o.getStatus() == RepairOrderStatus.QC_PASSED) {
            return "HANDOVER";
        }
        if (o.getJobs().stream().anyMatch(j -> j.getStatus() == JobStatus.PROPOSED)) {
            return "CUSTOMER_APPROVAL";
        }
        if (o.getJobs().stream().anyMatch(j -> j.getStatus() == JobStatus.APPROVED || j.getStatus() == JobStatus.RETURNED)) {
            return "DISPATCH";
        }
        boolean allFinished = o.getJobs().stream().filter(j -> j.getStatus().counts()).allMatch(j -> j.getStatus() == JobStatus.FINISHED);
        if (o.getStatus() == RepairOrderStatus.IN_WORK && allFinished) {
            return "QUALITY_CHECK";
        }
        return null;
    }
}
