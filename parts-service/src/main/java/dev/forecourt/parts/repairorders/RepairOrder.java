package dev.forecourt.parts.repairorders;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.forecourt.platform.domain.Lifecycle;
import dev.forecourt.platform.events.outbox.OutboxAggregate;

/**
 * What the parts department knows of a workshop repair order, learnt from the workshop's events
 * (opened, parts line added/removed, handed over, cancelled): parts are issued only against an
 * open order and one of its parts lines. Events may arrive in any order and more than once, so
 * every step is idempotent and a line may be learnt before the opening.
 */
@Document("repair_orders")
public class RepairOrder extends OutboxAggregate {

    @Id
    private String id;
    @Indexed
    private String orderNumber;
    private String vin;
    private String customerId;
    private String customerPhone;
    private String advisorId;
    private Instant promisedAt;
    private Instant openedAt;
    private RepairOrderStatus status;
    private Instant closedAt;
    private List<PartsLine> lines = new ArrayList<>();

    /** A blank copy, filled in by whichever event about the order arrives first. */
    static RepairOrder learnt(String id, String orderNumber) {
        RepairOrder order = new RepairOrder();
        order.id = id;
        order.orderNumber = orderNumber;
        order.status = RepairOrderStatus.OPEN;
        return order;
    }

    void opened(String orderNumber, String vin, String customerId, String customerPhone, String advisorId, Instant promisedAt,
                Instant openedAt) {
        this.orderNumber = orderNumber;
        this.vin = vin;
        this.customerId = customerId;
        this.customerPhone = customerPhone;
        this.advisorId = advisorId;
        this.promisedAt = promisedAt;
        this.openedAt = openedAt;
    }

    /** The same line announced again replaces the earlier announcement (a redelivery changes nothing). */
    void lineAdded(PartsLine line) {
        lines = new ArrayList<>(lines());
        lines.removeIf(l -> l.lineId().equals(line.lineId()));
        lines.add(line);
    }

    void lineRemoved(String lineId) {
        lines = new ArrayList<>(lines().stream().map(l -> l.lineId().equals(lineId) ? l.asRemoved() : l).toList());
    }

    void handedOver(Instant at) {
        close(RepairOrderStatus.HANDED_OVER, at);
    }

    void cancelled(Instant at) {
        close(RepairOrderStatus.CANCELLED, at);
    }

    /** A redelivered end changes nothing; the first end the workshop announced stays. */
    private void close(RepairOrderStatus end, Instant at) {
        if (status == end || status.isFinal()) {
            return;
        }
        status = Lifecycle.requireTransition(status, end, "Repair order " + orderNumber + " is already " + status);
        closedAt = at;
    }

    public boolean isOpen() {
        return status == RepairOrderStatus.OPEN;
    }

    /** A line still on the order (not removed). */
    public Optional<PartsLine> line(String lineId) {
        return lines().stream().filter(l -> l.lineId().equals(lineId) && !l.removed()).findFirst();
    }

    /** The lines of one part still on the order, in the order they were added. */
    public List<PartsLine> linesOf(String partNumber) {
        return lines().stream().filter(l -> l.partNumber().equals(partNumber) && !l.removed()).toList();
    }

    public String getId() { return id; }
    public String getOrderNumber() { return orderNumber; }
    public String getVin() { return vin; }
    public String getCustomerId() { return customerId; }
    public String getCustomerPhone() { return customerPhone; }
    public String getAdvisorId() { return advisorId; }
    public Instant getPromisedAt() { return promisedAt; }
    public Instant getOpenedAt() { return openedAt; }
    public RepairOrderStatus getStatus() { return status; }
    public Instant getClosedAt() { return closedAt; }
    public List<PartsLine> lines() { return lines == null ? List.of() : lines; }
}
