package dev.forecourt.parts.warranty;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** A replaced part to keep for the OEM, entered by hand or taken from a completed warranty job. */
public record RetainedPartDetails(
        @NotBlank @Size(max = 64) String repairOrderId,
        @Size(max = 64) String orderNumber,
        @Size(max = 64) String jobId,
        @Size(max = 17) String vin,
        @NotBlank @Size(max = 20) String partNumber,
        @Size(max = 200) String description,
        @Positive @Max(1000) int quantity) {
}
