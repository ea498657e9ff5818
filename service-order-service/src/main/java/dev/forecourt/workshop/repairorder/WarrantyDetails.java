package dev.forecourt.workshop.repairorder;

import java.time.LocalDate;

/**
 * What a warranty claim needs beyond the job itself: the technician's diagnosis (cause,
 * correction), the part that caused the failure, when it failed and whether road service was
 * needed (with the kilometres driven outside).
 */
public record WarrantyDetails(String cause, String correction, String causalPartNumber, LocalDate failureDate,
                              boolean roadService, Integer outsideServiceKm) {
}
