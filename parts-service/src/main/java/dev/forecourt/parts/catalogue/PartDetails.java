package dev.forecourt.parts.catalogue;

import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.RuleViolated;
import dev.forecourt.platform.money.Money;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A catalogue entry as sent by the parts manager. Part numbers are OEM style: letters and digits
 * only (e.g. {@code 06L115562B}), so they are safe in paths and document keys.
 */
public record PartDetails(
        @NotBlank @Pattern(regexp = "[A-Z0-9]{4,20}", message = "must be 4-20 capital letters or digits") String partNumber,
        @NotBlank @Size(max = 120) String name,
        @NotBlank @Size(max = 16) String unit,
        @NotNull @Valid Money price,
        @NotBlank @Size(max = 32) String binLocation,
        @PositiveOrZero @Max(1_000_000) int minStock,
        @PositiveOrZero @Max(1_000_000) int maxStock,
        @PositiveOrZero @Max(1_000_000) int safetyStock,
        boolean genuineOem,
        Long version) {

    /** Safety stock ≤ minimum ≤ maximum, or reorder suggestions make no sense. */
    void checkStockLevels() {
        if (minStock > maxStock) {
            throw new RuleViolated("stock-levels", "Inconsistent stock levels", "minStock must not exceed maxStock",
                    new FieldProblem("minStock", "must not exceed maxStock"));
        }
        if (safetyStock > minStock) {
            throw new RuleViolated("stock-levels", "Inconsistent stock levels", "safetyStock must not exceed minStock",
                    new FieldProblem("safetyStock", "must not exceed minStock"));
        }
        if (price.isNegative()) {
            throw new RuleViolated("price-negative", "Negative price", "A price cannot be negative",
                    new FieldProblem("price.amount", "must not be negative"));
        }
    }
}
