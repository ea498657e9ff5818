package dev.forecourt.parts.stock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.forecourt.platform.events.outbox.OutboxAggregate;

/**
 * The stock card of one part: quantities, the reservations holding stock, and the movements and
 * events of the latest changes not yet copied out. Every change is ONE conditional
 * {@code findAndModify} on this document (see {@link StockLedger}), so the quantity on hand, the
 * movement that explains it and the event that announces it are written together or not at all,
 * and two concurrent issues can never both take the last piece.
 *
 * <p>{@code available} is stored (always {@code onHand - reserved}) because the conditions of those
 * updates must compare a field with a constant; the MongoDB-wire server has no {@code $expr}.
 */
@Document("stock_cards")
public class StockCard extends OutboxAggregate {

    public static final String ON_HAND = "onHand";
    public static final String RESERVED = "reserved";
    public static final String AVAILABLE = "available";
    public static final String RESERVATIONS = "reservations";
    public static final String UNLEDGERED = "unledgered";
    public static final String REORDER_POINT = "reorderPoint";
    public static final String BELOW_REORDER_POINT = "belowReorderPoint";
    public static final String LAST_MOVEMENT_AT = "lastMovementAt";
    public static final String LAST_ISSUED_AT = "lastIssuedAt";

    @Id
    private String partNumber;
    private String storeId;
    private int onHand;
    private int reserved;
    private int available;
    private int reorderPoint;
    private boolean belowReorderPoint;
    private Instant lastMovementAt;
    private Instant lastIssuedAt;
    private Map<String, HeldReservation> reservations = new HashMap<>();
    private List<Movement> unledgered = new ArrayList<>();

    /** An empty card for a part just added to the catalogue. */
    public static StockCard open(String partNumber, String storeId, int reorderPoint) {
        StockCard card = new StockCard();
        card.partNumber = partNumber;
        card.storeId = storeId;
        card.reorderPoint = reorderPoint;
        return card;
    }

    /** The path of one held reservation inside the document. */
    public static String reservationPath(String reservationId) {
        return RESERVATIONS + "." + reservationId;
    }

    public HeldReservation heldReservation(String reservationId) {
        return reservations == null ? null : reservations.get(reservationId);
    }

    public StockLevel level() {
        List<HeldReservation> held = reservations == null ? List.of()
                : reservations.values().stream().sorted(Comparator.comparing(HeldReservation::reservedAt)).toList();
        return new StockLevel(partNumber, onHand, reserved, available, reorderPoint, belowReorderPoint, lastMovementAt, held);
    }

    public String getPartNumber() { return partNumber; }
    public int getOnHand() { return onHand; }
    public int getReserved() { return reserved; }
    public int getAvailable() { return available; }
    public int getReorderPoint() { return reorderPoint; }
    public boolean isBelowReorderPoint() { return belowReorderPoint; }
    public Instant getLastMovementAt() { return lastMovementAt; }
    public Instant getLastIssuedAt() { return lastIssuedAt; }
    public List<Movement> getUnledgered() { return unledgered == null ? List.of() : unledgered; }
}
