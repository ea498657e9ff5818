package dev.forecourt.claims.eligibility;

import java.util.Map;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import dev.forecourt.claims.claim.WarrantyTerms;
import dev.forecourt.claims.eligibility.WarrantyTermsProperties.Terms;
import dev.forecourt.platform.money.Money;

/** The warranty terms of a brand: its configured overrides on top of the store's defaults. */
@Component
@EnableConfigurationProperties(WarrantyTermsProperties.class)
public class WarrantyTermsCatalog {

    private final WarrantyTermsProperties properties;

    public WarrantyTermsCatalog(WarrantyTermsProperties properties) {
        this.properties = properties;
    }

    public WarrantyTerms forBrand(String brand) {
        Terms defaults = properties.defaults();
        // Brand names come from other services' events; configuration keys may differ in case.
        Terms own = brand == null ? null : properties.brands().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(brand)).map(Map.Entry::getValue).findFirst().orElse(null);
        return new WarrantyTerms(
                pick(own == null ? null : own.years(), defaults.years()),
                pick(own == null ? null : own.kilometres(), defaults.kilometres()),
                pick(own == null ? null : own.submissionDeadlineDays(), defaults.submissionDeadlineDays()),
                new Money(pick(own == null ? null : own.labourRate(), defaults.labourRate()),
                        pick(own == null ? null : own.currency(), defaults.currency())),
                pick(own == null ? null : own.threeGuaranteesYears(), defaults.threeGuaranteesYears()),
                pick(own == null ? null : own.threeGuaranteesKilometres(), defaults.threeGuaranteesKilometres()));
    }

    private static <T> T pick(T own, T fallback) {
        return own != null ? own : fallback;
    }
}
