package dev.forecourt.claims.claim;

import dev.forecourt.platform.money.Money;

/**
 * A brand's warranty terms (the store defaults, docs/domain.md: 3 years or 60,000 km from delivery, claims within
 * 30 days of handover), the national three-guarantees period for family cars (三包有效期: 2 years or 50,000 km;
 * 0 where it does not apply, e.g. a commercial brand) and the labour rate the OEM pays for warranty work.
 */
public record WarrantyTerms(int years, int kilometres, int submissionDeadlineDays, Money labourRate, int threeGuaranteesYears,
                            int threeGuaranteesKilometres) {

    /** Terms without a three-guarantees period. */
    public WarrantyTerms(int years, int kilometres, int submissionDeadlineDays, Money labourRate) {
        this(years, kilometres, submissionDeadlineDays, labourRate, 0, 0);
    }
}
