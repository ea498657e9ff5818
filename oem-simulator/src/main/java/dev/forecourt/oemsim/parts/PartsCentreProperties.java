package dev.forecourt.oemsim.parts;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code oem-simulator.parts.*}: the simulated OEM parts centre's own stock and timing.
 *
 * @param defaultStock  pieces the centre holds of any part number not listed in {@code stock}
 * @param stock         pieces it holds per part number (overrides {@code defaultStock})
 * @param shippingDays  days from ordering until pieces in stock arrive at the dealer
 * @param backOrderDays days from ordering until back-ordered pieces arrive
 */
@ConfigurationProperties("oem-simulator.parts")
public record PartsCentreProperties(
        @DefaultValue("10") int defaultStock,
        Map<String, Integer> stock,
        @DefaultValue("2") int shippingDays,
        @DefaultValue("10") int backOrderDays) {

    public PartsCentreProperties {
        stock = stock == null ? Map.of() : Map.copyOf(stock);
    }
}
