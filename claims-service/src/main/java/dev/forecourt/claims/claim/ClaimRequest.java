package dev.forecourt.claims.claim;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import dev.forecourt.platform.money.Money;

/**
 * A claim's content as the administrator types it in or corrects it. Only shapes are checked
 * here: a draft may be incomplete, and {@code GET …/validation} lists what is missing.
 *
 * @param version the version the administrator edited (or send {@code If-Match}): optimistic concurrency
 * @param claimType WARRANTY (default) or GOODWILL (needs the service director's approval before submission)
 * @param campaignCode the recall or service campaign the work belongs to, if any
 */
public record ClaimRequest(
        Long version,
        @Size(max = 17) String vin,
        @Size(max = 40) String brand,
        @Size(max = 60) String model,
        @Size(max = 64) String repairOrderId,
        @Size(max = 40) String orderNumber,
        @PositiveOrZero @Max(2_000_000) Integer odometerKm,
        LocalDate failureDate,
        Instant handedOverAt,
        LocalDate warrantyStartDate,
        @Size(max = 2000) String complaint,
        @Size(max = 2000) String cause,
        @Size(max = 2000) String correction,
        @Valid @Size(max = 50) List<Labour> labourOperations,
        @Valid @Size(max = 100) List<Part> parts,
        @Size(max = 40) String causalPartNumber,
        Boolean roadService,
        @PositiveOrZero @Max(2_000) Integer outsideServiceKm,
        ClaimType claimType,
        @Size(max = 40) String campaignCode,
        @Valid OutsideService outsideServiceOrder) {

    /**
     * The road-service order (服务令号) the outside-service mileage comes from; the van's odometer out and back.
     * On a claim drafted from the workshop's warranty job the workshop's order stays (send it back as read, or leave it out).
     */
    public record OutsideService(@Size(max = 40) String orderNumber, @Size(max = 64) String technicianId,
                                 @Size(max = 100) String technician,
                                 @PositiveOrZero @Max(2_000_000) Integer departureOdometerKm,
                                 @PositiveOrZero @Max(2_000_000) Integer returnOdometerKm) {
    }

    public record Labour(@Size(max = 20) String code, @Size(max = 200) String description,
                         @DecimalMin("0") @Digits(integer = 3, fraction = 2) BigDecimal hours) {
    }

    public record Part(@Size(max = 40) String partNumber, @Size(max = 200) String description,
                       @DecimalMin("0") @Digits(integer = 5, fraction = 3) BigDecimal quantity, @Valid Money unitPrice) {
    }

    ClaimContent toContent() {
        return new ClaimContent(vin, brand, model, repairOrderId, orderNumber, odometerKm, failureDate, handedOverAt,
                warrantyStartDate, complaint, cause, correction,
                labourOperations == null ? List.of()
                        : labourOperations.stream().map(l -> new LabourOperation(l.code(), l.description(), l.hours())).toList(),
                parts == null ? List.of()
                        : parts.stream().map(p -> new ClaimedPart(p.partNumber(), p.description(), p.quantity(), p.unitPrice())).toList(),
                causalPartNumber, Boolean.TRUE.equals(roadService), outsideServiceKm, claimType,
                campaignCode == null || campaignCode.isBlank() ? null : campaignCode,
                outsideServiceOrder == null ? null : new OutsideServiceOrder(outsideServiceOrder.orderNumber(),
                        outsideServiceOrder.technicianId(), outsideServiceOrder.technician(), outsideServiceOrder.departureOdometerKm(), outsideServiceOrder.returnOdometerKm()));
    }
}
