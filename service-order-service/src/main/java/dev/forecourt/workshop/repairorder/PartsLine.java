package dev.forecourt.workshop.repairorder;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.forecourt.platform.domain.Lifecycle;
import dev.forecourt.platform.money.Money;

/**
 * A part the order needs, reserved in parts-service so the storekeeper can issue it. The price is
 * the catalogue retail price parts-service answers at reservation; once the customer approved the
 * line, later prices do not change it. Issued and returned quantities come from parts-service's
 * events, each movement counted once. A line parts-service could not reserve (INSUFFICIENT) waits:
 * it shows the purchase order that covers it and its arrival date, and is reserved by parts-service
 * when the goods arrive (RESERVED, "parts arrived" until the storekeeper issues them).
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
    /** While the line waits (INSUFFICIENT): the purchase order that covers it and its confirmed arrival date. */
    private String purchaseOrderNumber;
    private LocalDate expectedArrival;
    /** When parts-service confirmed that purchase order (a later confirmation replaces an earlier one). */
    private Instant expectedAsOf;
    /** When the goods the line waited for arrived and parts-service reserved them for it, and that reservation. */
    private Instant partsArrivedAt;
    private String arrivedReservationId;

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
        // a waiting line reserved from stock after all (see takesReservation) no longer waits for a purchase order
        this.purchaseOrderNumber = null;
        this.expectedArrival = null;
        this.expectedAsOf = null;
        priceAt(catalogueUnitPrice);
        return place();
    }

    boolean insufficient(int available, Money catalogueUnitPrice) {
        this.reservation = Lifecycle.requireTransition(reservation, ReservationStatus.INSUFFICIENT);
        this.available = available;
        priceAt(catalogueUnitPrice);
        if (partsArrivedAt != null) {
            // the goods arrived (and were reserved for the line) before the refusal was applied here
            takeArrivedReservation();
        }
        return place();
    }

    /**
     * parts-service named the purchase order that covers the waiting line and its confirmed arrival
     * date. Only a line still waiting (or whose refusal the workshop has not applied yet) takes it;
     * an older confirmation than the one shown, a redelivery, or a line already reserved changes nothing.
     *
     * @return whether it changed the line
     */
    boolean expected(String purchaseOrderNumber, LocalDate arrival, Instant confirmedAt) {
        boolean waiting = reservation == ReservationStatus.INSUFFICIENT || reservation == ReservationStatus.PENDING;
        if (!waiting || removed || partsArrivedAt != null
                || (expectedAsOf != null && confirmedAt != null && confirmedAt.isBefore(expectedAsOf))
                || (Objects.equals(this.purchaseOrderNumber, purchaseOrderNumber) && Objects.equals(expectedArrival, arrival))) {
            return false;
        }
        this.purchaseOrderNumber = purchaseOrderNumber;
        this.expectedArrival = arrival;
        this.expectedAsOf = confirmedAt;
        return true;
    }

    /**
     * The goods the line waited for arrived and parts-service reserved them for it. A waiting line
     * becomes RESERVED with that reservation; a line whose refusal the workshop has not applied yet
     * keeps the arrival and becomes RESERVED when the refusal comes ({@link #insufficient}). A
     * redelivery, or a line reserved or released otherwise, changes nothing.
     *
     * @return whether it changed the line
     */
    boolean arrived(String reservationId, String purchaseOrderNumber, Instant at) {
        if (removed || partsArrivedAt != null
                || (reservation != ReservationStatus.INSUFFICIENT && reservation != ReservationStatus.PENDING)) {
            return false;
        }
        this.partsArrivedAt = at;
        this.arrivedReservationId = reservationId;
        if (purchaseOrderNumber != null) {
            this.purchaseOrderNumber = purchaseOrderNumber;
        }
        if (reservation == ReservationStatus.INSUFFICIENT) {
            takeArrivedReservation();
        }
        return true;
    }

    private void takeArrivedReservation() {
        this.reservation = Lifecycle.requireTransition(reservation, ReservationStatus.RESERVED,
                "only a waiting parts line is reserved when its goods arrive");
        this.reservationId = arrivedReservationId;
        this.available = null;
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

    /** Still without parts-service's answer (PENDING and on the order): any answer applies. */
    public boolean awaitsAnswer() {
        return !removed && reservation == ReservationStatus.PENDING;
    }

    /**
     * Whether a reservation parts-service answered applies: to a pending line, and to a waiting one
     * (INSUFFICIENT), whose refusal was answered to a concurrent request just before stock came.
     */
    public boolean takesReservation() {
        return !removed && (reservation == ReservationStatus.PENDING || reservation == ReservationStatus.INSUFFICIENT);
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
    public String getPurchaseOrderNumber() { return purchaseOrderNumber; }
    public LocalDate getExpectedArrival() { return expectedArrival; }
    public Instant getPartsArrivedAt() { return partsArrivedAt; }

    /** The goods it waited for arrived and are reserved, but are not issued yet: the advisor tells the customer. */
    public boolean hasArrivedParts() {
        return partsArrivedAt != null && !removed && reservation == ReservationStatus.RESERVED && issuedQuantity < quantity;
    }
}
