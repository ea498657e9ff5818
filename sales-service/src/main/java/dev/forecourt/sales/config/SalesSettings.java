package dev.forecourt.sales.config;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Showroom rules a store may change.
 *
 * @param discountApprovalPercent a discount above this share of the list price needs the sales manager
 * @param leadContactWithin       a lead not contacted within this time after it came in is flagged
 * @param testDriveSlot           length of a test-drive slot; slots start on multiples of it in the store's day
 * @param brand                   the brand this store sells (a 4S store is single-brand)
 */
@ConfigurationProperties("forecourt.sales")
public record SalesSettings(
        @DefaultValue("3") BigDecimal discountApprovalPercent,
        @DefaultValue("2h") Duration leadContactWithin,
        @DefaultValue("30m") Duration testDriveSlot,
        @DefaultValue("Volkswagen") String brand) {
}
