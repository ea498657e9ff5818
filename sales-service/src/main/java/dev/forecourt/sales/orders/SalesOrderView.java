package dev.forecourt.sales.orders;

import java.time.Instant;
import java.util.List;

import dev.forecourt.platform.money.Money;
import dev.forecourt.platform.web.Versioned;
import dev.forecourt.sales.customers.Customer;
import dev.forecourt.sales.orders.OrderRecords.AddOn;
import dev.forecourt.sales.orders.OrderRecords.Consultant;
import dev.forecourt.sales.orders.OrderRecords.Delivery;
import dev.forecourt.sales.orders.OrderRecords.DiscountApproval;
import dev.forecourt.sales.orders.OrderRecords.OrderedVehicle;
import dev.forecourt.sales.orders.OrderRecords.Payment;
import dev.forecourt.sales.orders.OrderRecords.AccessoryLine;
import dev.forecourt.sales.orders.OrderRecords.InsurancePolicy;
import dev.forecourt.sales.orders.OrderRecords.Refund;
import dev.forecourt.sales.orders.OrderRecords.TradeInCredit;

/** A sales order with its computed totals. */
public record SalesOrderView(String id, String leadId, String fleetAccountId, SalesOrderStatus status, Customer customer, String customerId,
                             OrderedVehicle vehicle, Money discount, String discountReason, DiscountApproval discountApproval,
                             String discountApprovedBy, List<AddOn> addOns, Money vehiclePrice, Money addOnsTotal,
                             Money totalPrice, List<Payment> payments, Money paid, TradeInCredit tradeIn, Money balanceDue,
                             Consultant consultant, Instant createdAt, Instant confirmedAt, Instant paidAt, Delivery delivery,
                             Instant cancelledAt, String cancelReason, List<Refund> refunds, Money refunded, Money refundDue,
                             InsurancePolicy insurancePolicy, List<AccessoryLine> accessories, Money accessoriesTotal,
                             Long version) implements Versioned {

    public static SalesOrderView of(SalesOrder o) {
        return new SalesOrderView(o.getId(), o.getLeadId(), o.getFleetAccountId(), o.getStatus(), o.getCustomer(), o.getCustomer().customerId(),
                o.getVehicle(), o.getDiscount(), o.getDiscountReason(), o.getDiscountApproval(), o.getDiscountApprovedBy(),
                o.getAddOns(), o.vehiclePrice(), o.addOnsTotal(), o.totalPrice(), o.getPayments(), o.paid(), o.getTradeIn(),
                o.balanceDue(), o.getConsultant(), o.getCreatedAt(), o.getConfirmedAt(), o.getPaidAt(), o.getDelivery(),
                o.getCancelledAt(), o.getCancelReason(), o.getRefunds(), o.refunded(), o.refundDue(),
                o.getInsurancePolicy(), o.getAccessories(), o.accessoriesTotal(), o.getVersion());
    }
}
