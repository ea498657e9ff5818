package dev.forecourt.claims.claim;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.money.Money;

/** Claims for unit tests. */
final class ClaimFixtures {

    static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z");
    static final LocalDate TODAY = LocalDate.parse("2026-11-20");
    static final Money RATE = Money.cny("160.00");
    static final Actor ADMINISTRATOR = new Actor("emp-9", "warranty", "沈洁 Shen Jie", "warranty-administrator");

    private ClaimFixtures() {
    }

    static ClaimContent complete() {
        return new ClaimContent("LSVAB4BM7RN000001", "Volkswagen", "Lavida", "ro-1", "RO-0001", 23_000,
                LocalDate.parse("2026-11-17"), Instant.parse("2026-11-19T08:00:00Z"), null,
                "Oil leak", "Oil filter housing seal cracked", "Replaced the seal",
                List.of(new LabourOperation("1734", "Replace oil filter housing", new BigDecimal("1.5"))),
                List.of(new ClaimedPart("06L115562B", "Oil filter", BigDecimal.ONE, Money.cny("88.00"))),
                "06L115562B", false, null);
    }

    static WarrantyClaim draft() {
        return WarrantyClaim.draft("claim-1", "WC-store-001-2026-000001", "store-001", ClaimSource.MANUAL, null, complete(), RATE,
                ADMINISTRATOR, NOW);
    }

    /** A claim the OEM has received (round 1). */
    static WarrantyClaim submitted() {
        WarrantyClaim claim = draft();
        claim.queueForSubmission(List.of(), ADMINISTRATOR, NOW, NOW.plusSeconds(30));
        claim.submissionDelivered(1, "OEM-1", NOW);
        return claim;
    }

    static OemVerdict verdict(int round, ClaimStatus status) {
        return new OemVerdict(round, status, null, null, List.of(), null, null, false);
    }
}
