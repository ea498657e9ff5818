package dev.forecourt.parts.catalogue;

import java.time.Instant;

import dev.forecourt.platform.money.Money;
import dev.forecourt.platform.web.Versioned;

/** A catalogue entry as answered by the API; its version is the ETag an edit sends back in If-Match. */
public record PartView(String partNumber, String name, String unit, Money price, String binLocation, int minStock, int maxStock,
                       int safetyStock, boolean genuineOem, Instant createdAt, Long version) implements Versioned {

    public static PartView of(Part part) {
        return new PartView(part.getPartNumber(), part.getName(), part.getUnit(), part.getPrice(), part.getBinLocation(),
                part.getMinStock(), part.getMaxStock(), part.getSafetyStock(), part.isGenuineOem(), part.getCreatedAt(), part.getVersion());
    }
}
