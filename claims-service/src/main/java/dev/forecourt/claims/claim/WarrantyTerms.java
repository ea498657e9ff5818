package dev.forecourt.claims.claim;

import dev.forecourt.platform.money.Money;

/**
 * A brand's warranty terms (the store defaults, docs/domain.md: 3 years or 60,000 km from delivery, claims within
 * 30 days of handover) and the labour rate the OEM pays for warranty work.
 */
public record WarrantyTerms(int years, int kilometres, int submissionDeadlineDays, Money labourRate) {
}
