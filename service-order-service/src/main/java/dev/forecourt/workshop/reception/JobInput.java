package dev.forecourt.workshop.reception;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import dev.forecourt.workshop.repairorder.LabourOperation;
import io.swagger.v3.oas.annotations.media.Schema;
import dev.forecourt.workshop.repairorder.PayType;
import dev.forecourt.workshop.repairorder.WarrantyDetails;

/**
 * A job as the advisor writes it on the order. Warranty details are checked by the order itself (422); a
 * CAMPAIGN job names the campaign ({@code campaignCode}) the car is flagged for.
 */
public record JobInput(@NotBlank @Size(max = 32) String labourOperationCode, @NotBlank @Size(max = 200) String description,
                       @NotNull @DecimalMin("0.1") @DecimalMax("99.9") @Digits(integer = 2, fraction = 2) BigDecimal hours,
                       @NotNull PayType payType, @Size(max = 40) String requiredSkill, @Valid Warranty warranty,
                       @Size(max = 40) String campaignCode) {

    public JobInput(String labourOperationCode, String description, BigDecimal hours, PayType payType, String requiredSkill,
                    Warranty warranty) {
        this(labourOperationCode, description, hours, payType, requiredSkill, warranty, null);
    }

    public record Warranty(@Size(max = 1000) String cause, @Size(max = 1000) String correction,
                           @Size(max = 32) String causalPartNumber, LocalDate failureDate, boolean roadService,
                           @PositiveOrZero Integer outsideServiceKm,
                           @Size(max = 20) @Schema(nullable = true, description = "the outside-service order (外出服务令号, RS…) the road "
                                   + "service was done under: its kilometres become the job's outside-service kilometres "
                                   + "(outsideServiceKm, if stated, must match)") String roadServiceOrderNumber) {

        public Warranty(String cause, String correction, String causalPartNumber, LocalDate failureDate, boolean roadService,
                        Integer outsideServiceKm) {
            this(cause, correction, causalPartNumber, failureDate, roadService, outsideServiceKm, null);
        }
    }

    public LabourOperation operation() {
        return new LabourOperation(labourOperationCode, description);
    }

    public WarrantyDetails warrantyDetails() {
        return warranty == null ? null : new WarrantyDetails(warranty.cause(), warranty.correction(), warranty.causalPartNumber(),
                warranty.failureDate(), warranty.roadService(), warranty.outsideServiceKm(), blankToNull(warranty.roadServiceOrderNumber()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
