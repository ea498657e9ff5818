package dev.forecourt.claims.eligibility;

import java.math.BigDecimal;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code forecourt.claims.warranty}: the store's default warranty terms and per-brand overrides,
 * e.g. {@code forecourt.claims.warranty.brands.Volkswagen.kilometres=100000}. A brand entry needs
 * only the values that differ.
 */
@ConfigurationProperties("forecourt.claims.warranty")
public record WarrantyTermsProperties(@DefaultValue Terms defaults, Map<String, Terms> brands) {

    public WarrantyTermsProperties {
        brands = brands == null ? Map.of() : Map.copyOf(brands);
    }

    /**
     * @param labourRate what the OEM pays per warranty labour hour, in {@code currency}
     * @param threeGuaranteesYears      the national three-guarantees period for family cars (三包), 0 where it does not apply
     * @param threeGuaranteesKilometres its mileage limit, 0 where it does not apply
     */
    public record Terms(@DefaultValue("3") Integer years, @DefaultValue("60000") Integer kilometres,
                        @DefaultValue("30") Integer submissionDeadlineDays, @DefaultValue("150.00") BigDecimal labourRate,
                        @DefaultValue("CNY") String currency, @DefaultValue("2") Integer threeGuaranteesYears,
                        @DefaultValue("50000") Integer threeGuaranteesKilometres) {
    }
}
