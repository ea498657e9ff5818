package dev.forecourt.sales.stock;

import java.time.Instant;
import java.util.List;

/** One pre-delivery inspection: passed, or failed with what was found. */
public record PdiResult(boolean passed, List<String> findings, String inspectedBy, String inspectedByName, Instant inspectedAt) {

    public PdiResult {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }
}
