package dev.forecourt.crm.callback;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** What an insurance renewal call is about: the policy sold with the car, as sales recorded it last. */
public record InsurancePolicyInfo(String insurer, String policyNumber, BigDecimal premium, String currency, LocalDate startsOn,
                                  LocalDate expiresOn, Instant recordedAt) {

    /** True when this record of the policy was made after {@code other} (a correction replaces the earlier record). */
    public boolean newerThan(InsurancePolicyInfo other) {
        return other == null || other.recordedAt() == null || (recordedAt != null && recordedAt.isAfter(other.recordedAt()));
    }
}
