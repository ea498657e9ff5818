package dev.forecourt.workshop.roadservice;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.domain.Lifecycle;
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.RuleViolated;
import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;
import dev.forecourt.platform.events.outbox.OutboxAggregate;
import dev.forecourt.workshop.repairorder.RoadServiceTrip;

/**
 * An outside-service order (外出服务令): a technician drives the service van out to a broken-down car
 * (救援) and back. Its number is the 服务令号 a warranty claim quotes; the kilometres driven are the
 * van's odometer on return less on departure, and they are the outside-service mileage the claim
 * carries.
 */
@Document("road_service_orders")
public class RoadServiceOrder extends OutboxAggregate {

    public enum Status implements Lifecycle<Status> {
        OUT, RETURNED;

        @Override
        public Set<Status> next() {
            return switch (this) {
                case OUT -> EnumSet.of(RETURNED);
                case RETURNED -> EnumSet.noneOf(Status.class);
            };
        }
    }

    @Id
    private String id;
    @Indexed(unique = true)
    private String orderNumber;
    private String vin;
    private String location;
    /** The repair order the trip serves (null while the car is not at reception yet). */
    private String repairOrderId;
    private Actor technician;
    private int departureOdometerKm;
    private Integer returnOdometerKm;
    private Status status;
    private Actor dispatchedBy;
    private Instant departedAt;
    private Instant returnedAt;

    RoadServiceOrder() {
    }

    public static RoadServiceOrder dispatch(String id, String orderNumber, String vin, String location, String repairOrderId,
                                            Actor technician, int departureOdometerKm, Actor by, Instant now) {
        RoadServiceOrder o = new RoadServiceOrder();
        o.id = id;
        o.orderNumber = orderNumber;
        o.vin = vin;
        o.location = location;
        o.repairOrderId = repairOrderId;
        o.technician = technician;
        o.departureOdometerKm = departureOdometerKm;
        o.status = Status.OUT;
        o.dispatchedBy = by;
        o.departedAt = now;
        o.raise(new RoadServiceDispatched(id, orderNumber, vin, location, repairOrderId, technician.id(), technician.displayName(),
                departureOdometerKm, now));
        return o;
    }

    /** The van is back: the kilometres driven are fixed from now on. */
    public void returned(int returnOdometerKm, Instant now) {
        if (returnOdometerKm < departureOdometerKm) {
            throw new RuleViolated("odometer-decreased", "Odometer lower than on departure",
                    "The van's odometer on return (" + returnOdometerKm + " km) is below its odometer on departure ("
                            + departureOdometerKm + " km)", new FieldProblem("returnOdometerKm", "must be at least " + departureOdometerKm));
        }
        status = Lifecycle.requireTransition(status, Status.RETURNED, "Outside-service order " + orderNumber + " is back already");
        this.returnOdometerKm = returnOdometerKm;
        this.returnedAt = now;
        raise(new RoadServiceReturned(id, orderNumber, vin, repairOrderId, technician.id(), departureOdometerKm, returnOdometerKm,
                drivenKm(), now));
    }

    /** The kilometres driven, once the van is back (null before). */
    public Integer drivenKm() {
        return returnOdometerKm == null ? null : returnOdometerKm - departureOdometerKm;
    }

    /**
     * The trip a warranty job claims its outside-service kilometres from: the van must be back, the
     * car must be the one it drove out to, the repair order the one it serves (when it names one),
     * and kilometres stated by the advisor must match.
     */
    public RoadServiceTrip tripFor(String jobVin, String jobRepairOrderId, Integer statedKm) {
        if (status != Status.RETURNED) {
            throw new RuleViolated("road-service-not-returned", "Outside-service order still out",
                    "Outside-service order " + orderNumber + " has no return yet: its kilometres are not known",
                    new FieldProblem("warranty.roadServiceOrderNumber", "the van is not back"));
        }
        if (!vin.equals(jobVin)) {
            throw new RuleViolated("road-service-other-vehicle", "Outside-service order of another car",
                    "Outside-service order " + orderNumber + " drove out to VIN " + vin,
                    new FieldProblem("warranty.roadServiceOrderNumber", "for another car"));
        }
        if (repairOrderId != null && !repairOrderId.equals(jobRepairOrderId)) {
            throw new RuleViolated("road-service-other-order", "Outside-service order of another repair order",
                    "Outside-service order " + orderNumber + " serves another repair order",
                    new FieldProblem("warranty.roadServiceOrderNumber", "serves another repair order"));
        }
        if (statedKm != null && !statedKm.equals(drivenKm())) {
            throw new RuleViolated("outside-service-km-mismatch", "Outside-service kilometres do not match",
                    statedKm + " km stated, outside-service order " + orderNumber + " records " + drivenKm() + " km",
                    new FieldProblem("warranty.outsideServiceKm", "must be " + drivenKm()))
                    .with("drivenKm", drivenKm());
        }
        return new RoadServiceTrip(orderNumber, technician.id(), technician.displayName(), departureOdometerKm, returnOdometerKm);
    }

    public String getId() { return id; }
    public String getOrderNumber() { return orderNumber; }
    public String getVin() { return vin; }
    public String getLocation() { return location; }
    public String getRepairOrderId() { return repairOrderId; }
    public Actor getTechnician() { return technician; }
    public int getDepartureOdometerKm() { return departureOdometerKm; }
    public Integer getReturnOdometerKm() { return returnOdometerKm; }
    public Status getStatus() { return status; }
    public Actor getDispatchedBy() { return dispatchedBy; }
    public Instant getDepartedAt() { return departedAt; }
    public Instant getReturnedAt() { return returnedAt; }

    @EventType("forecourt.workshop.road-service-dispatched.v1")
    public record RoadServiceDispatched(String roadServiceOrderId, String orderNumber, String vin, String location,
                                        String repairOrderId, String technicianId, String technicianName,
                                        int departureOdometerKm, Instant departedAt) implements DomainEvent {
        @Override public String aggregateId() { return roadServiceOrderId; }
    }

    @EventType("forecourt.workshop.road-service-returned.v1")
    public record RoadServiceReturned(String roadServiceOrderId, String orderNumber, String vin, String repairOrderId,
                                      String technicianId,
                                      int departureOdometerKm, int returnOdometerKm, int drivenKm,
                                      Instant returnedAt) implements DomainEvent {
        @Override public String aggregateId() { return roadServiceOrderId; }
    }
}
