package dev.forecourt.workshop.repairorder;

import java.time.LocalDate;

/**
 * What a warranty claim needs beyond the job itself: the technician's diagnosis (cause,
 * correction), the part that caused the failure, when it failed and whether road service was
 * needed (with the kilometres driven outside and, when recorded, the outside-service order they come from).
 */
public record WarrantyDetails(String cause, String correction, String causalPartNumber, LocalDate failureDate,
                              boolean roadService, Integer outsideServiceKm, String roadServiceOrderNumber) {

    @org.springframework.data.annotation.PersistenceCreator
    public WarrantyDetails {
    }

    public WarrantyDetails(String cause, String correction, String causalPartNumber, LocalDate failureDate, boolean roadService,
                           Integer outsideServiceKm) {
        this(cause, correction, causalPartNumber, failureDate, roadService, outsideServiceKm, null);
    }

    /** The same details with the kilometres and number of the outside-service order (外出服务令) that drove out. */
    public WarrantyDetails withRoadServiceOrder(String orderNumber, int drivenKm) {
        return new WarrantyDetails(cause, correction, causalPartNumber, failureDate, true, drivenKm, orderNumber);
    }
}
