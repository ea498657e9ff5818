package dev.forecourt.sales.stock;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The monthly physical count of vehicles (月度盘点): what the books say is at the store against
 * what was found. The month is the id, so each month is counted once.
 */
@Document("stock_counts")
public record StockCount(@Id String month, Instant countedAt, String countedBy, String countedByName,
                         List<String> expected, List<String> counted, List<String> missing, List<String> unexpected) {

    public boolean reconciled() {
        return missing.isEmpty() && unexpected.isEmpty();
    }
}
