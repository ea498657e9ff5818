package dev.forecourt.workshop.repairorder;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.forecourt.platform.domain.Lifecycle;
import dev.forecourt.platform.money.Money;

/**
 * A part the order needs, reserved in parts-service so the storekeeper can issue it. The price is
 * the catalogue retail price parts-service answers at reservation; once the customer approved the
 * line, later prices do not change it. Issued and returned quantities come from parts-service's
 * events, each movement counted once.
 */
public class PartsLine {

    private String id;
    private String jobId;
    private String partNumber;
    private String description;
    private int quantity;
    private Money unitPrice;
    private PayType payType;
    private boolean approved;
    private boolean extraWork;
    private ReservationStatus reservation;
    private String reservationId;
    private Integer available;
    private String rejection;
    /** parts-service was told of the line (PartsLineAdded). */
    private boolean placed;
    private boolean removed;
    private Instant removedAt;
    private int issuedQuantity;
    private int returnedQuantity;
    private List<String> movements = new ArrayList<>();

    PartsLine() {
    }

    PartsLine(String id, String jobId, String partNumber, String description, int quantity, PayType payType, boolean extraWork) {
        this.id = id;
        this.jobId = jobId;
        this.partNumber = partNumber;
        this.description = description;
        this.quantity = quantity;
        this.payType = payType;
        this.extraWork = extraWork;
        this.reservation = ReservationStatus.PENDING;
    }

    void approve() {
        approved = true;
    }

    /** @return whether this was the line's first answer from parts-service (it is now placed there) */
    boolean reserved(String reservationId, Money catalogueUnitPrice) {
        this.reservation = Lifecycle.requireTransition(reservation, ReservationStatus.RESERVED);
        this.reservationId = reservationId;
        this.available = null;
        priceAt(catalogueUnitPrice);
        return place();
    }

    boolean insufficient(int available, Money catalogueUnitPrice) {
        this.reservation = Lifecycle.requireTransition(reservation, ReservationStatus.INSUFFICIENT);
        this.available = available;
        priceAt(catalogueUnitPrice);
        return place();
    }

    void rejected(String reason) {
        this.reservation = Lifecycle.requireTransition(reservation, ReservationStatus.REJECTED);
        this.rejection = reason;
    }

    /** @return whether the release changed anything (a repeated release event does not) */
    boolean released() {
        if (reservation == ReservationStatus.RELEASED || !reservation.mayBecome(ReservationStatus.RELEASED)) {
            return false;
        }
        reservation = ReservationStatus.RELEASED;
        return true;
    }

    void remove(Instant at) {
        removed = true;
        removedAt = at;
    }

    /** @return false when this movement was counted already (a redelivered event) */
    boolean issued(String issueId, int pieces) {
        if (movements.contains("issue:" + issueId)) {
            return false;
        }
        movements.add("issue:" + issueId);
        issuedQuantity += pieces;
        return true;
    }

    boolean returned(String returnId, int pieces) {
        if (movements.contains("return:" + returnId)) {
            return false;
        }
        movements.add("return:" + returnId);
        returnedQuantity += pieces;
        return true;
    }

    /** Reserved (or still to be reserved) but not yet fully issued, and not released: it blocks the handover. */
    public boolean isOpen() {
        return !removed && (reservation == ReservationStatus.RESERVED || reservation == ReservationStatus.PENDING)
                && issuedQuantity < quantity;
    }

    /** Issued and not returned: the part is on the car. */
    public boolean hasPartsOnTheCar() {
        return issuedQuantity - returnedQuantity > 0;
    }

    private void priceAt(Money catalogueUnitPrice) {
        if (catalogueUnitPrice != null && (unitPrice == null || !approved)) {
            unitPrice = catalogueUnitPrice;
        }
    }

    private boolean place() {
        boolean first = !placed;
        placed = true;
        return first;
    }

    Money total() {
        return unitPrice == null ? Money.zero(Money.CNY) : unitPrice.times(BigDecimal.valueOf(quantity));
    }

    public String getId() { return id; }
    public String getJobId() { return jobId; }
    public String getPartNumber() { return partNumber; }
    public String getDescription() { return description; }
    public int getQuantity() { return quantity; }
    public Money getUnitPrice() { return unitPrice; }
    public PayType getPayType() { return payType; }
    public boolean isApproved() { return approved; }
    public boolean isExtraWork() { return extraWork; }
    public ReservationStatus getReservation() { return reservation; }
    public String getReservationId() { return reservationId; }
    public Integer getAvailable() { return available; }
    public String getRejection() { return rejection; }
    public boolean isPlaced() { return placed; }
    public boolean isRemoved() { return removed; }
    public Instant getRemovedAt() { return removedAt; }
    public int getIssuedQuantity() { return issuedQuantity; }
    public int getReturnedQuantity() { return returnedQuantity; }
}
