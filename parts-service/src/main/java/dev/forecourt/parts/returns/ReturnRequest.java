package dev.forecourt.parts.returns;

import io.swagger.v3.oas.annotations.media.Schema;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Defective goods taken off the shelf for the supplier. */
@Schema(name = "SupplierReturnRequest")
public record ReturnRequest(
        @NotBlank @Size(max = 20) String partNumber,
        @NotNull @Positive @Max(100_000) Integer quantity,
        @NotBlank @Size(max = 120) String supplier,
        @NotBlank @Size(max = 200) String reason) {
}
