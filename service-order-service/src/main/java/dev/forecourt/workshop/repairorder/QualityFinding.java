package dev.forecourt.workshop.repairorder;

/** What the quality inspector found wrong with one job. */
public record QualityFinding(String jobId, String finding) {
}
