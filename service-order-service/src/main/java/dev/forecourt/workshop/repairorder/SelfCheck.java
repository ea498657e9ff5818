package dev.forecourt.workshop.repairorder;

/** The technician's own check before handing a job to the quality check (自检). */
public record SelfCheck(boolean passed, String notes) {
}
