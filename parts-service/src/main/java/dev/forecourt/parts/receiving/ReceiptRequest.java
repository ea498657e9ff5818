package dev.forecourt.parts.receiving;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.RuleViolated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** A delivery as counted: per line what came, what was accepted and what was refused. */
public record ReceiptRequest(
        @NotBlank @Size(max = 120) String supplier,
        @NotBlank @Size(max = 64) String deliveryNote,
        @NotEmpty @Size(max = 200) List<@Valid @NotNull Line> lines,
        @Size(max = 64) String purchaseOrder,
        Boolean overDeliveryApproved) {

    public ReceiptRequest(String supplier, String deliveryNote, List<Line> lines) {
        this(supplier, deliveryNote, lines, null, null);
    }

    public boolean isOverDeliveryApproved() {
        return Boolean.TRUE.equals(overDeliveryApproved);
    }

    @Schema(name = "ReceiptLineRequest")
    public record Line(
            @NotBlank @Size(max = 20) String partNumber,
            @NotNull @PositiveOrZero @Max(100_000) Integer delivered,
            @NotNull @PositiveOrZero @Max(100_000) Integer accepted,
            @NotNull @PositiveOrZero @Max(100_000) Integer rejected,
            @Size(max = 200) String rejectionReason,
            Boolean genuineOem,
            @Positive Integer purchaseOrderLine) {

        public Line(String partNumber, Integer delivered, Integer accepted, Integer rejected, String rejectionReason) {
            this(partNumber, delivered, accepted, rejected, rejectionReason, null, null);
        }

        public Line(String partNumber, Integer delivered, Integer accepted, Integer rejected, String rejectionReason, Boolean genuineOem) {
            this(partNumber, delivered, accepted, rejected, rejectionReason, genuineOem, null);
        }

        /** Goods are taken as genuine OEM unless the storekeeper marks them otherwise. */
        public boolean isGenuine() {
            return genuineOem == null || genuineOem;
        }
    }

    /**
     * The receiving rules, all checked before anything is written: every delivered piece is either
     * accepted or rejected, a refusal says why, every part is in the catalogue, and a genuine OEM
     * part is received only as genuine goods (no look-alikes on an OEM part's bin).
     */
    void check(Predicate<String> knownPart, Predicate<String> genuineOemPart) {
        List<FieldProblem> problems = problems(knownPart, genuineOemPart);
        if (!problems.isEmpty()) {
            throw refused(problems);
        }
    }

    static RuleViolated refused(List<FieldProblem> problems) {
        return new RuleViolated("receipt-invalid", "Receipt does not add up",
                "The receipt breaks receiving rules; nothing was booked", problems.toArray(FieldProblem[]::new));
    }

    List<FieldProblem> problems(Predicate<String> knownPart, Predicate<String> genuineOemPart) {
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            String at = "lines[" + i + "].";
            if (line.delivered() == 0) {
                problems.add(new FieldProblem(at + "delivered", "must be greater than 0"));
            }
            if (line.accepted() + line.rejected() != line.delivered()) {
                problems.add(new FieldProblem(at + "accepted", "accepted + rejected must equal delivered"));
            }
            if (line.rejected() > 0 && (line.rejectionReason() == null || line.rejectionReason().isBlank())) {
                problems.add(new FieldProblem(at + "rejectionReason", "is required when goods are rejected"));
            }
            if (!knownPart.test(line.partNumber())) {
                problems.add(new FieldProblem(at + "partNumber", "is not in the catalogue"));
            } else if (!line.isGenuine() && line.accepted() > 0 && genuineOemPart.test(line.partNumber())) {
                problems.add(new FieldProblem(at + "genuineOem", "a genuine OEM part accepts only genuine goods"));
            }
        }
        return problems;
    }
}
