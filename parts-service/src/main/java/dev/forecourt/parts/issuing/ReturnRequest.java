package dev.forecourt.parts.issuing;

import io.swagger.v3.oas.annotations.media.Schema;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Issued pieces brought back unused from a repair order: the order by number or id, its line and the part. */
@Schema(name = "IssueReturnRequest")
public record ReturnRequest(
        @NotBlank @Size(max = 64) String repairOrder,
        @NotBlank @Size(max = 64) String lineId,
        @NotBlank @Size(max = 20) String partNumber,
        @NotNull @Positive @Max(10_000) Integer quantity,
        @Size(max = 200) String reason) {
}
