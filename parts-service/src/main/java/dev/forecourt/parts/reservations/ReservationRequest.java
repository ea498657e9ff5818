package dev.forecourt.parts.reservations;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** What service-order-service sends to set parts aside for a repair-order line. */
public record ReservationRequest(
        @NotBlank @Size(max = 64) String repairOrderId,
        @NotBlank @Size(max = 64) String lineId,
        @NotBlank @Size(max = 20) String partNumber,
        @NotNull @Positive @Max(10_000) Integer quantity) {
}
