package dev.forecourt.claims.claim;

import java.math.BigDecimal;

/** A labour operation as the workshop performed it: the OEM's operation code and the hours claimed. */
public record LabourOperation(String code, String description, BigDecimal hours) {
}
