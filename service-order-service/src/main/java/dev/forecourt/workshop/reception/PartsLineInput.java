package dev.forecourt.workshop.reception;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.forecourt.workshop.repairorder.PayType;

/**
 * A part for the order. {@code jobIndex} links it to a job of the same request (0-based) when the
 * order is opened; {@code jobId} to an existing job when a line is added later. There is no price:
 * the line takes the catalogue retail price parts-service answers when it reserves the part. The
 * line is paid like its job unless {@code payType} says otherwise.
 */
public record PartsLineInput(@Min(0) Integer jobIndex, @Size(max = 16) String jobId,
                             @NotBlank @Pattern(regexp = "[A-Z0-9]{5,20}") String partNumber,
                             @NotBlank @Size(max = 200) String description, @Min(1) @Max(999) int quantity,
                             PayType payType) {
}
