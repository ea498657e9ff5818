package dev.forecourt.workshop.repairorder;

import dev.forecourt.platform.money.Money;

/** A part the order needs, reserved in parts-service so the storekeeper can issue it. */
public class PartsLine {

    private String id;
    private String jobId;
    private String partNumber;
    private String description;
    private int quantity;
    private Money unitPrice;
    private boolean approved;
    private boolean extraWork;
    private ReservationStatus reservation;
    private String reservationId;
    private Integer available;
    private String rejection;

    PartsLine() {
    }

    PartsLine(String id, String jobId, String partNumber, String description, int quantity, Money unitPrice, boolean extraWork) {
        this.id = id;
        this.jobId = jobId;
        this.partNumber = partNumber;
        this.description = description;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
        this.extraWork = extraWork;
        this.reservation = ReservationStatus.PENDING;
    }

    void approve() {
        approved = true;
    }

    void reserved(String reservationId) {
        this.reservation = ReservationStatus.RESERVED;
        this.reservationId = reservationId;
        this.available = null;
    }

    void insufficient(int available) {
        this.reservation = ReservationStatus.INSUFFICIENT;
        this.available = available;
    }

    void rejected(String reason) {
        this.reservation = ReservationStatus.REJECTED;
        this.rejection = reason;
    }

    Money total() {
        return unitPrice.times(java.math.BigDecimal.valueOf(quantity));
    }

    public String getId() { return id; }
    public String getJobId() { return jobId; }
    public String getPartNumber() { return partNumber; }
    public String getDescription() { return description; }
    public int getQuantity() { return quantity; }
    public Money getUnitPrice() { return unitPrice; }
    public boolean isApproved() { return approved; }
    public boolean isExtraWork() { return extraWork; }
    public ReservationStatus getReservation() { return reservation; }
    public String getReservationId() { return reservationId; }
    public Integer getAvailable() { return available; }
    public String getRejection() { return rejection; }
}
