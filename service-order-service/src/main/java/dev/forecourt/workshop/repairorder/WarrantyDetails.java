package dev.forecourt.workshop.repairorder;

import java.time.LocalDate;

/**
 * What a warranty claim needs beyond the job itself: the technician's diagnosis (cause,
 * correction), the part that caused the failure, when it failed and whether road service was
 * needed (with the kilometres driven outside and, when recorded, the outside-service order they come from).
 */
public record WarrantyDetails(String cause, String correction, String causalPartNumber, LocalDate failureDate,
                              boolean roadService, Integer outsideServiceKm, String roadServiceOrderNumber,
                              RoadServiceTrip roadServiceOrder) {

    @org.springframework.data.annotation.PersistenceCreator
    public WarrantyDetails {
    }

    public WarrantyDetails(String cause, String correction, String causalPartNumber, LocalDate failureDate, boolean roadService,
                           Integer outsideServiceKm) {
        this(cause, correction, causalPartNumber, failureDate, roadService, outsideServiceKm, null, null);
    }

    /** Details as the advisor states them, quoting an outside-service order by number (resolved before the job is added). */
    public WarrantyDetails(String cause, String correction, String causalPartNumber, LocalDate failureDate, boolean roadService,
                           Integer outsideServiceKm, String roadServiceOrderNumber) {
        this(cause, correction, causalPartNumber, failureDate, roadService, outsideServiceKm, roadServiceOrderNumber, null);
    }

    /** The same details with the outside-service order (外出服务令) that drove out: its number and kilometres driven. */
    public WarrantyDetails withRoadServiceOrder(RoadServiceTrip trip) {
        return new WarrantyDetails(cause, correction, causalPartNumber, failureDate, true, trip.drivenKm(), trip.orderNumber(), trip);
    }
}
