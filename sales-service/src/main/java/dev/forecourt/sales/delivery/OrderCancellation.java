package dev.forecourt.sales.delivery;

import org.springframework.stereotype.Service;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.sales.orders.SalesOrder;
import dev.forecourt.sales.orders.SalesOrders;

/**
 * Cancelling a sales order: the order is cancelled (its vehicle released), then its scheduled
 * delivery appointment, if any, is cancelled with it (cause {@code SALES_ORDER_CANCELLED}, published
 * as delivery-appointment-cancelled). The only way an order is cancelled, so that no appointment
 * stays SCHEDULED for a cancelled order (an architecture test keeps it so).
 *
 * <p>No multi-document transaction: the order is written first. A crash before the appointment is
 * cancelled leaves it SCHEDULED for a cancelled order; cancelling the order again (which answers the
 * cancelled order as it is) cancels it then, as it releases a vehicle still held.
 */
@Service
public class OrderCancellation {

    private final SalesOrders orders;
    private final DeliveryAppointments appointments;

    public OrderCancellation(SalesOrders orders, DeliveryAppointments appointments) {
        this.orders = orders;
        this.appointments = appointments;
    }

    public SalesOrder cancel(String salesOrderId, ExpectedVersion expected, String reason, Actor by) {
        SalesOrder cancelled = orders.cancel(salesOrderId, expected, reason, by);
        appointments.closeWithOrder(cancelled, by);
        return cancelled;
    }
}
