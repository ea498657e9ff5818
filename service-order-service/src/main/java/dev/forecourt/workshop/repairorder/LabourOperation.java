package dev.forecourt.workshop.repairorder;

/** A labour operation from the manufacturer's labour time guide. */
public record LabourOperation(String code, String description) {
}
