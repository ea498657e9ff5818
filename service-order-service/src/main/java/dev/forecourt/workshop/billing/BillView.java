package dev.forecourt.workshop.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import dev.forecourt.platform.money.Money;
import dev.forecourt.platform.web.Versioned;
import dev.forecourt.workshop.repairorder.Bill;
import dev.forecourt.workshop.repairorder.BillLine;
import dev.forecourt.workshop.repairorder.BillShare;
import dev.forecourt.workshop.repairorder.Payment;
import dev.forecourt.workshop.repairorder.PaymentMethod;
import dev.forecourt.workshop.repairorder.RepairOrder;
import dev.forecourt.workshop.repairorder.RepairOrderView.StaffView;

/**
 * The bill (结算单) of a repair order as the cashier and the customer see it: every line, each
 * payer's share with VAT shown separately, the payments, what is still outstanding. Its version is
 * the order's (answered as ETag; payments accept If-Match).
 */
public record BillView(String billId, String repairOrderId, String orderNumber, int revision, String customerId,
                       String customerName, List<BillLine> lines, List<BillShare> shares, BigDecimal vatRate, Money total,
                       Money customerDue, Money paid, Money outstanding, boolean settled, List<PaymentView> payments,
                       Instant issuedAt, Instant settledAt, boolean current, Long version) implements Versioned {

    public record PaymentView(String id, PaymentMethod method, Money amount, StaffView recordedBy, Instant recordedAt) {
    }

    /** @param order an order with a bill */
    static BillView of(RepairOrder order) {
        Bill bill = order.getBill();
        return new BillView(bill.billId(), order.getId(), order.getOrderNumber(), bill.revision(), order.getCustomer().customerId(),
                order.getCustomer().name(), bill.lines(), bill.shares(), bill.vatRate(), bill.total(), bill.customerDue(),
                order.paid(), order.outstanding(), bill.settledAt() != null,
                order.getPayments().stream().map(BillView::view).toList(), bill.issuedAt(), bill.settledAt(),
                order.getStatus() == dev.forecourt.workshop.repairorder.RepairOrderStatus.QC_PASSED
                        || order.getStatus() == dev.forecourt.workshop.repairorder.RepairOrderStatus.HANDED_OVER,
                order.getVersion());
    }

    private static PaymentView view(Payment p) {
        return new PaymentView(p.id(), p.method(), p.amount(), StaffView.of(p.recordedBy()), p.recordedAt());
    }
}
