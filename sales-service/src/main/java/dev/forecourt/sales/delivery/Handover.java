package dev.forecourt.sales.delivery;

import java.time.LocalDate;

import org.springframework.stereotype.Service;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.sales.orders.OrderRecords.DeliveryChecklist;
import dev.forecourt.sales.orders.SalesOrder;
import dev.forecourt.sales.orders.SalesOrders;

/**
 * Handing a car over (交车): the order is delivered with its checklist, naming its scheduled delivery
 * appointment, if any, which is then kept (COMPLETED). The only way an order is delivered, so that no
 * appointment stays SCHEDULED for a delivered order (an architecture test keeps it so).
 */
@Service
public class Handover {

    private final SalesOrders orders;
    private final DeliveryAppointments appointments;

    public Handover(SalesOrders orders, DeliveryAppointments appointments) {
        this.orders = orders;
        this.appointments = appointments;
    }

    public SalesOrder deliver(String salesOrderId, ExpectedVersion expected, LocalDate deliveryDate, int odometerKm,
                              DeliveryChecklist checklist, Actor by) {
        DeliveryAppointment open = appointments.openFor(salesOrderId);
        SalesOrder delivered = orders.deliver(salesOrderId, expected, deliveryDate, odometerKm, checklist,
                open == null ? null : open.getId(), by);
        // keeps the one named; one scheduled since the read above (not named) is cancelled
        appointments.closeWithOrder(delivered, by);
        return delivered;
    }
}
