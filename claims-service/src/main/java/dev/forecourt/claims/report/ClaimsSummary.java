package dev.forecourt.claims.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.forecourt.claims.claim.ClaimStatus;
import dev.forecourt.claims.claim.HistoryEntry;
import dev.forecourt.claims.claim.WarrantyClaim;
import dev.forecourt.platform.money.Money;

/**
 * The warranty administrator's figures for claims drafted in a period.
 *
 * @param approvalRate approved decisions / all decisions (approved + rejected), every submission round
 *                     counted; null when the OEM has decided nothing yet
 * @param amounts      submitted = claimed on claims the OEM has; approved and paid as the OEM said;
 *                     outstanding = approved but not yet paid; awaitingDecision = claimed on claims not yet decided
 */
public record ClaimsSummary(LocalDate from, LocalDate to, int claims, Map<ClaimStatus, Integer> byStatus,
                            int approvedDecisions, int rejectedDecisions, BigDecimal approvalRate, Amounts amounts) {

    public record Amounts(Money submitted, Money approved, Money paid, Money outstanding, Money awaitingDecision) {
    }

    static ClaimsSummary of(LocalDate from, LocalDate to, List<WarrantyClaim> claims, String currency) {
        Map<ClaimStatus, Integer> byStatus = new EnumMap<>(ClaimStatus.class);
        int approved = 0;
        int rejected = 0;
        Money submitted = Money.zero(currency);
        Money approvedAmount = Money.zero(currency);
        Money paid = Money.zero(currency);
        Money outstanding = Money.zero(currency);
        Money awaiting = Money.zero(currency);
        for (WarrantyClaim claim : claims) {
            byStatus.merge(claim.getStatus(), 1, Integer::sum);
            for (HistoryEntry entry : claim.getHistory()) {
                if (entry.to() == ClaimStatus.REJECTED && entry.from() != ClaimStatus.REJECTED) {
                    rejected++;
                } else if (entry.to() == ClaimStatus.APPROVED
                        || (entry.to() == ClaimStatus.PAID && entry.from() != ClaimStatus.APPROVED && entry.from() != ClaimStatus.PAID)) {
                    approved++;
                }
            }
            if (claim.getSubmittedAt() == null || !currency.equals(claim.getCurrency())) {
                continue;
            }
            submitted = submitted.plus(claim.claimedAmount());
            Money claimApproved = claim.approvedAmount();
            switch (claim.getStatus()) {
                case APPROVED -> {
                    approvedAmount = approvedAmount.plus(claimApproved);
                    outstanding = outstanding.plus(claimApproved);
                }
                case PAID -> {
                    approvedAmount = approvedAmount.plus(claimApproved != null ? claimApproved : claim.getPaidAmount());
                    paid = paid.plus(claim.getPaidAmount());
                }
                case SUBMITTED, ACCEPTED -> awaiting = awaiting.plus(claim.claimedAmount());
                default -> { }
            }
        }
        int decisions = approved + rejected;
        BigDecimal rate = decisions == 0 ? null
                : BigDecimal.valueOf(approved).divide(BigDecimal.valueOf(decisions), 4, RoundingMode.HALF_UP);
        return new ClaimsSummary(from, to, claims.size(), byStatus, approved, rejected, rate,
                new Amounts(submitted, approvedAmount, paid, outstanding, awaiting));
    }
}
