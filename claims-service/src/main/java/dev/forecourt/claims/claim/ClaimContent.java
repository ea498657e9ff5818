package dev.forecourt.claims.claim;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * What the dealer tells the OEM about one warranty repair. A draft may be incomplete: the
 * administrator completes it, and {@link ClaimChecks} lists what is still missing.
 *
 * @param handedOverAt      when the repair order was handed over: the OEM's submission deadline runs from it
 * @param warrantyStartDate entered by hand only when no delivery of the VIN is on record (e.g. a car sold elsewhere)
 * @param outsideServiceKm  distance driven by the road-service van, claimed for road service only
 * @param claimType         warranty, or goodwill (needs the service director's approval)
 * @param campaignCode      the recall or service campaign the work belongs to, if any (campaign work is
 *                          claimed whatever the car's age or mileage)
 * @param outsideServiceOrder the road-service order the outside-service mileage comes from, if given
 */
public record ClaimContent(
        String vin,
        String brand,
        String model,
        String repairOrderId,
        String orderNumber,
        Integer odometerKm,
        LocalDate failureDate,
        Instant handedOverAt,
        LocalDate warrantyStartDate,
        String complaint,
        String cause,
        String correction,
        List<LabourOperation> labourOperations,
        List<ClaimedPart> parts,
        String causalPartNumber,
        boolean roadService,
        Integer outsideServiceKm,
        ClaimType claimType,
        String campaignCode,
        OutsideServiceOrder outsideServiceOrder) {

    public ClaimContent {
        labourOperations = labourOperations == null ? List.of() : List.copyOf(labourOperations);
        parts = parts == null ? List.of() : List.copyOf(parts);
        claimType = claimType == null ? ClaimType.WARRANTY : claimType;
    }

    /** A warranty claim outside any campaign, without a road-service order. */
    public ClaimContent(String vin, String brand, String model, String repairOrderId, String orderNumber, Integer odometerKm,
                        LocalDate failureDate, Instant handedOverAt, LocalDate warrantyStartDate, String complaint, String cause,
                        String correction, List<LabourOperation> labourOperations, List<ClaimedPart> parts, String causalPartNumber,
                        boolean roadService, Integer outsideServiceKm) {
        this(vin, brand, model, repairOrderId, orderNumber, odometerKm, failureDate, handedOverAt, warrantyStartDate, complaint, cause,
                correction, labourOperations, parts, causalPartNumber, roadService, outsideServiceKm, ClaimType.WARRANTY, null, null);
    }

    @JsonIgnore // a question about the content, not part of it: the content read with GET goes back as it is
    public boolean isGoodwill() {
        return claimType == ClaimType.GOODWILL;
    }

    /** The same content as a claim of this type. */
    public ClaimContent as(ClaimType type) {
        return new ClaimContent(vin, brand, model, repairOrderId, orderNumber, odometerKm, failureDate, handedOverAt, warrantyStartDate,
                complaint, cause, correction, labourOperations, parts, causalPartNumber, roadService, outsideServiceKm, type,
                campaignCode, outsideServiceOrder);
    }

    /** The same content with this road-service order. */
    public ClaimContent withOutsideServiceOrder(OutsideServiceOrder order) {
        return new ClaimContent(vin, brand, model, repairOrderId, orderNumber, odometerKm, failureDate, handedOverAt, warrantyStartDate,
                complaint, cause, correction, labourOperations, parts, causalPartNumber, roadService, outsideServiceKm, claimType,
                campaignCode, order);
    }

    /** The same content with the handover time learned from the workshop's event. */
    public ClaimContent withHandedOverAt(Instant at) {
        return new ClaimContent(vin, brand, model, repairOrderId, orderNumber, odometerKm, failureDate, at, warrantyStartDate,
                complaint, cause, correction, labourOperations, parts, causalPartNumber, roadService, outsideServiceKm, claimType,
                campaignCode, outsideServiceOrder);
    }
}
