package dev.forecourt.parts.issuing;

import dev.forecourt.parts.stock.DocumentType;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * An issue of parts. The document is mandatory: parts leave the store only against a repair
 * order or a counter sale. {@code lineId} names the repair-order line, whose reservation (if any)
 * the issue consumes first.
 */
public record IssueRequest(
        @NotBlank @Size(max = 20) String partNumber,
        @NotNull @Positive @Max(10_000) Integer quantity,
        @NotNull @Valid IssueDocument document,
        @Size(max = 64) String lineId) {

    public enum IssueDocumentType {
        REPAIR_ORDER, COUNTER_SALE;

        DocumentType asDocumentType() {
            return DocumentType.valueOf(name());
        }
    }

    public record IssueDocument(@NotNull IssueDocumentType type, @NotBlank @Size(max = 64) String id) {
    }
}
