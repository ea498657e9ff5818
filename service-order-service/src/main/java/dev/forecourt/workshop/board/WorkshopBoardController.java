package dev.forecourt.workshop.board;


import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.workshop.config.WorkshopProperties;
import dev.forecourt.workshop.dispatch.Occupancy;
import dev.forecourt.workshop.dispatch.WorkshopFloor;
import dev.forecourt.workshop.repairorder.JobStatus;
import dev.forecourt.workshop.repairorder.RepairOrder;
import dev.forecourt.workshop.repairorder.RepairOrderStatus;
import dev.forecourt.workshop.repairorder.RepairOrders;
import dev.forecourt.workshop.technician.Technician;
import dev.forecourt.workshop.technician.TechnicianRoster;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/workshop")
@Tag(name = "Workshop board", description = "What is in every bay, what waits, what is late; the technician roster")
class WorkshopBoardController {

    record BayView(String bayId, String repairOrderId, String orderNumber, String plate, String jobId, String operation,
                   String technicianId, String technicianName, Instant since) {
    }

    record OrderView(String repairOrderId, String orderNumber, String plate, String customerName, RepairOrderStatus status,
                     String waitingFor, Instant promisedAt, boolean late, boolean partsArrived) {
    }

    record TechnicianView(String employeeId, String username, String name, String positionCode, List<Technician.Skill> skills,
                          boolean active, LocalDate leftOn) {
        static TechnicianView of(Technician t) {
            return new TechnicianView(t.employeeId(), t.username(), t.name(), t.positionCode(), t.skills(), t.active(), t.leftOn());
        }
    }

    record Board(List<BayView> bays, List<OrderView> waiting, List<OrderView> late, List<OrderView> partsArrived, Instant at) {
    }

    private final RepairOrders orders;
    private final WorkshopFloor floor;
    private final TechnicianRoster roster;
    private final WorkshopProperties workshop;
    private final Clock clock;

    WorkshopBoardController(RepairOrders orders, WorkshopFloor floor, TechnicianRoster roster, WorkshopProperties workshop,
                            Clock clock) {
        this.orders = orders;
        this.floor = floor;
        this.roster = roster;
        this.workshop = workshop;
        this.clock = clock;
    }

    @GetMapping("/board")
    @PreAuthorize("hasAuthority('workshop:read')")
    @Operation(operationId = "workshopBoard", summary = "Every bay with its job and technician (empty bays too), orders waiting and late vehicles")
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
        List<RepairOrder> active = orders.active();
        List<OrderView> waiting = active.stream().map(o -> view(o, now)).filter(v -> v.waitingFor() != null)
                .sorted(Comparator.comparing(OrderView::promisedAt, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
        List<OrderView> late = active.stream().map(o -> view(o, now)).filter(OrderView::late)
                .sorted(Comparator.comparing(OrderView::promisedAt, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
        List<OrderView> partsArrived = active.stream().filter(RepairOrder::hasArrivedParts).map(o -> view(o, now)).toList();
        return new Board(bays, waiting, late, partsArrived, now);
    }

    @GetMapping("/technicians")
    @PreAuthorize("hasAuthority('workshop:read')")
    @Operation(operationId = "technicianRoster", summary = "The technician roster as learnt from hr-service's events")
    List<TechnicianView> technicians() {
        return roster.all().stream().map(TechnicianView::of).toList();
    }

    private static OrderView view(RepairOrder o, Instant now) {
        boolean late = o.isLate() || (o.getPromisedAt() != null && now.isAfter(o.getPromisedAt()));
        return new OrderView(o.getId(), o.getOrderNumber(), o.getVehicle().plate(), o.getCustomer().name(), o.getStatus(),
                waitingFor(o), o.getPromisedAt(), late, o.hasArrivedParts());
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
