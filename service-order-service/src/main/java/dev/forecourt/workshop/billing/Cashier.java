package dev.forecourt.workshop.billing;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Service;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.NotFound;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.money.Money;
import dev.forecourt.workshop.repairorder.PayType;
import dev.forecourt.workshop.repairorder.PaymentMethod;
import dev.forecourt.workshop.repairorder.RepairOrder;
import dev.forecourt.workshop.repairorder.RepairOrders;

/** The cashier's desk (收银): reads an order's bill, takes payments; the advisor adds charges and approved discounts. */
@Service
public class Cashier {

    private final RepairOrders orders;
    private final Clock clock;

    Cashier(RepairOrders orders, Clock clock) {
        this.orders = orders;
        this.clock = clock;
    }

    public RepairOrder billed(String repairOrderId) {
        RepairOrder order = orders.get(repairOrderId);
        if (order.getBill() == null) {
            throw new NotFound("Bill of repair order", repairOrderId);
        }
        return order;
    }

    public RepairOrder recordPayment(String repairOrderId, PaymentMethod method, Money amount, Actor cashier, ExpectedVersion expected) {
        String paymentId = "pay-" + UUID.randomUUID();
        return orders.change(repairOrderId, expected, o -> o.recordPayment(paymentId, method, amount, cashier, clock.instant()));
    }

    public RepairOrder addCharge(String repairOrderId, String description, Money amount, PayType payer, boolean discount,
                                 Actor by, ExpectedVersion expected) {
        return orders.change(repairOrderId, expected, o -> o.addCharge(description, amount, payer, discount, by, clock.instant()));
    }
}
