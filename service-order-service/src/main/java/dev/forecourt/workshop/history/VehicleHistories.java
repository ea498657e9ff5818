package dev.forecourt.workshop.history;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.forecourt.platform.errors.NotFound;
import dev.forecourt.platform.events.consume.HandlesEvent;
import dev.forecourt.platform.money.Money;
import dev.forecourt.workshop.appointment.Appointments;
import dev.forecourt.workshop.repairorder.PayType;
import dev.forecourt.workshop.repairorder.RepairOrder;
import dev.forecourt.workshop.repairorder.RepairOrderStatus;
import dev.forecourt.workshop.repairorder.RepairOrders;
import dev.forecourt.workshop.rework.ReworkRequests;

/**
 * The vehicle history (车历) of one VIN: every appointment, repair order with its jobs and parts,
 * the bill total, the callbacks CRM made about those orders and the rework requests.
 */
@Service
public class VehicleHistories {

    static final String CALLBACKS = "vehicle_callbacks";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CallbackCompleted(String callbackId, String kind, String repairOrderId, String vin, Double csi, boolean reworkRequested,
                             boolean complaintRequested, String customerWords, Instant completedAt) {
    }

    public record History(String vin, List<Visit> repairOrders, List<AppointmentLine> appointments, List<CallbackLine> callbacks,
                          List<ReworkLine> reworkRequests) {
    }

    public record Visit(String repairOrderId, String orderNumber, RepairOrderStatus status, Instant openedAt, Instant handedOverAt,
                        int odometerInKm, Integer odometerOutKm, String complaint, String advisorName, String reworkOf,
                        List<JobLine> jobs, List<PartLine> parts, Money billTotal) {
    }

    public record JobLine(String jobId, String labourOperationCode, String description, BigDecimal hours, PayType payType,
                          String status, String technicianName) {
    }

    public record PartLine(String partNumber, String description, int quantity, int issuedQuantity, int returnedQuantity,
                           PayType payType) {
    }

    public record AppointmentLine(String appointmentId, Instant slotStart, String status, String request) {
    }

    public record CallbackLine(String callbackId, String kind, String repairOrderId, Double csi, boolean reworkRequested,
                               boolean complaintRequested, String customerWords, Instant completedAt) {
    }

    public record ReworkLine(String reworkRequestId, String repairOrderId, String status, String reworkOrderId, Instant requestedAt) {
    }

    private final RepairOrders orders;
    private final Appointments appointments;
    private final ReworkRequests rework;
    private final MongoTemplate mongo;

    VehicleHistories(RepairOrders orders, Appointments appointments, ReworkRequests rework, MongoTemplate mongo) {
        this.orders = orders;
        this.appointments = appointments;
        this.rework = rework;
        this.mongo = mongo;
    }

    /** Keeps the callbacks about this store's repair orders (one entry per callback, so a redelivery changes nothing). */
    @HandlesEvent("forecourt.crm.callback-completed.v1")
    void callbackCompleted(CallbackCompleted callback) {
        if (callback.repairOrderId() == null) {
            return;
        }
        orders.find(callback.repairOrderId()).ifPresent(order -> mongo.upsert(query(where("_id").is(callback.callbackId())),
                new Update().set("vin", order.getVehicle().vin()).set("kind", callback.kind())
                        .set("repairOrderId", callback.repairOrderId()).set("csi", callback.csi())
                        .set("reworkRequested", callback.reworkRequested()).set("complaintRequested", callback.complaintRequested())
                        .set("customerWords", callback.customerWords()).set("completedAt", callback.completedAt()), CALLBACKS));
    }

    public History of(String vin) {
        List<RepairOrder> visits = orders.ofVehicle(vin);
        var booked = appointments.ofVehicle(vin);
        if (visits.isEmpty() && booked.isEmpty()) {
            throw new NotFound("Vehicle history", vin);
        }
        List<CallbackLine> callbacks = mongo.find(query(where("vin").is(vin)).with(Sort.by("completedAt")), org.bson.Document.class, CALLBACKS)
                .stream().map(d -> new CallbackLine(d.getString("_id"), d.getString("kind"), d.getString("repairOrderId"),
                        d.get("csi") == null ? null : ((Number) d.get("csi")).doubleValue(), Boolean.TRUE.equals(d.getBoolean("reworkRequested")),
                        Boolean.TRUE.equals(d.getBoolean("complaintRequested")), d.getString("customerWords"),
                        d.getDate("completedAt") == null ? null : d.getDate("completedAt").toInstant())).toList();
        return new History(vin, visits.stream().map(VehicleHistories::visit).toList(),
                booked.stream().map(a -> new AppointmentLine(a.getId(), a.getSlotStart(), a.getStatus().name(), a.getRequest())).toList(),
                callbacks,
                rework.ofVehicle(vin).stream().map(r -> new ReworkLine(r.getId(), r.getRepairOrderId(), r.getStatus().name(),
                        r.getReworkOrderId(), r.getRequestedAt())).toList());
    }

    private static Visit visit(RepairOrder o) {
        return new Visit(o.getId(), o.getOrderNumber(), o.getStatus(), o.getOpenedAt(),
                o.getHandover() == null ? null : o.getHandover().handedOverAt(), o.getOdometerInKm(),
                o.getHandover() == null ? null : o.getHandover().odometerOutKm(), o.getComplaint(), o.getAdvisor().displayName(),
                o.getReworkOf(),
                o.getJobs().stream().map(j -> new JobLine(j.getId(), j.getOperation().code(), j.getOperation().description(), j.getHours(),
                        j.getPayType(), j.getStatus().name(), j.getTechnician() == null ? null : j.getTechnician().displayName())).toList(),
                o.getPartsLines().stream().filter(l -> !l.isRemoved()).map(l -> new PartLine(l.getPartNumber(), l.getDescription(),
                        l.getQuantity(), l.getIssuedQuantity(), l.getReturnedQuantity(), l.getPayType())).toList(),
                o.getBill() == null ? null : o.getBill().total());
    }
}
