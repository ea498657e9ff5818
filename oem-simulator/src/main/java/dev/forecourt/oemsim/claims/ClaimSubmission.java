package dev.forecourt.oemsim.claims;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/** A dealer's claim as this OEM takes it (only what the simulated adjudication looks at is named). */
public record ClaimSubmission(@NotBlank String claimNumber, @Min(1) int submission, String dealerCode, String vin,
                              String cause, @Valid List<Line> labourOperations, @Valid List<Line> parts,
                              String causalPartNumber, BigDecimal claimedAmount, String currency) {

    public ClaimSubmission {
        labourOperations = labourOperations == null ? List.of() : List.copyOf(labourOperations);
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    /** @param quantity hours for labour, pieces for parts */
    public record Line(String reference, String description, BigDecimal quantity, BigDecimal amount) {
    }
}
