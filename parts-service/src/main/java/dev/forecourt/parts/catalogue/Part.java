package dev.forecourt.parts.catalogue;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.InvalidValue;
import dev.forecourt.platform.events.outbox.OutboxAggregate;
import dev.forecourt.platform.money.Money;

/**
 * A catalogue entry (按号就座: every part number has its bin). Stock levels live on the part's
 * {@link dev.forecourt.parts.stock.StockCard}, so editing the catalogue never competes with issuing.
 * Written through the platform's {@code AggregateStore}: an edit names the version it was made
 * from ({@code If-Match} or the body's {@code version}).
 */
@Document("parts")
public class Part extends OutboxAggregate {

    @Id
    private String partNumber;
    private String storeId;
    private String name;
    private String unit;
    private Money price;
    private String binLocation;
    private int minStock;
    private int maxStock;
    private int safetyStock;
    private boolean genuineOem;
    private Instant createdAt;

    public static Part create(String storeId, PartDetails details, Instant now) {
        Part part = new Part();
        part.partNumber = details.partNumber();
        part.storeId = storeId;
        part.createdAt = now;
        part.apply(details);
        return part;
    }

    /** Replaces the editable details; the part number is the identity and never changes. */
    public void apply(PartDetails details) {
        if (partNumber != null && !partNumber.equals(details.partNumber())) {
            throw new InvalidValue("The part number cannot change", new FieldProblem("partNumber", "must be " + partNumber));
        }
        details.checkStockLevels();
        this.name = details.name();
        this.unit = details.unit();
        this.price = details.price();
        this.binLocation = details.binLocation();
        this.minStock = details.minStock();
        this.maxStock = details.maxStock();
        this.safetyStock = details.safetyStock();
        this.genuineOem = details.genuineOem();
    }

    /** When available stock falls below this, the part should be reordered. */
    public int reorderPoint() {
        return minStock;
    }

    public String getPartNumber() { return partNumber; }
    public String getName() { return name; }
    public String getUnit() { return unit; }
    public Money getPrice() { return price; }
    public String getBinLocation() { return binLocation; }
    public int getMinStock() { return minStock; }
    public int getMaxStock() { return maxStock; }
    public int getSafetyStock() { return safetyStock; }
    public boolean isGenuineOem() { return genuineOem; }
    public Instant getCreatedAt() { return createdAt; }
}
