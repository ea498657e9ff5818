package dev.forecourt.sales.orders;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.domain.Lifecycle;
import dev.forecourt.platform.errors.Conflict;
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.IllegalTransition;
import dev.forecourt.platform.errors.InvalidValue;
import dev.forecourt.platform.errors.RuleViolated;
import dev.forecourt.platform.events.outbox.OutboxAggregate;
import dev.forecourt.platform.money.Money;
import dev.forecourt.sales.customers.Customer;
import dev.forecourt.sales.orders.OrderRecords.AddOn;
import dev.forecourt.sales.orders.OrderRecords.Consultant;
import dev.forecourt.sales.orders.OrderRecords.Delivery;
import dev.forecourt.sales.orders.OrderRecords.DeliveryChecklist;
import dev.forecourt.sales.orders.OrderRecords.ReceivedWith;
import dev.forecourt.sales.orders.OrderRecords.DiscountApproval;
import dev.forecourt.sales.orders.OrderRecords.OrderedVehicle;
import dev.forecourt.sales.orders.OrderRecords.Payment;
import dev.forecourt.sales.orders.OrderRecords.PaymentKind;
import dev.forecourt.sales.orders.OrderRecords.PaymentMethod;
import dev.forecourt.sales.orders.OrderRecords.AccessoryLine;
import dev.forecourt.sales.orders.OrderRecords.InsurancePolicy;
import dev.forecourt.sales.orders.OrderRecords.Refund;
import dev.forecourt.sales.orders.OrderRecords.TradeInCredit;
import dev.forecourt.sales.orders.SalesOrderEvents.DiscountApproved;
import dev.forecourt.sales.orders.SalesOrderEvents.PaymentRecorded;
import dev.forecourt.sales.orders.SalesOrderEvents.SalesOrderCancelled;
import dev.forecourt.sales.orders.SalesOrderEvents.SalesOrderDrafted;
import dev.forecourt.sales.orders.SalesOrderEvents.SalesOrderPaid;
import dev.forecourt.sales.orders.SalesOrderEvents.TradeInCredited;
import dev.forecourt.sales.orders.SalesOrderEvents.SalesOrderConfirmed;
import dev.forecourt.sales.orders.SalesOrderEvents.VehicleDelivered;

/**
 * A sales contract for one new vehicle. The price is the list price less the discount plus the
 * add-ons; deposit, payments and a trade-in credit settle it. The vehicle's own status (reserved,
 * sold, delivered) is kept on the vehicle and moved atomically by the application service; this
 * class holds the contract's rules.
 */
@Document("sales_orders")
public class SalesOrder extends OutboxAggregate {

    @Id
    private String id;
    private String leadId;
    /** The fleet account (大客户) the order is for, or null. */
    private String fleetAccountId;
    private Customer customer;
    private OrderedVehicle vehicle;
    private Money discount;
    private String discountReason;
    private DiscountApproval discountApproval;
    private String discountApprovedBy;
    private List<AddOn> addOns = new ArrayList<>();
    private List<Payment> payments = new ArrayList<>();
    private List<Refund> refunds = new ArrayList<>();
    private InsurancePolicy insurancePolicy;
    private List<AccessoryLine> accessories = new ArrayList<>();
    private TradeInCredit tradeIn;
    private Consultant consultant;
    private SalesOrderStatus status;
    private Instant createdAt;
    private Instant confirmedAt;
    private Instant paidAt;
    private Delivery delivery;
    private Instant cancelledAt;
    private String cancelReason;

    /**
     * Drafts an order. A discount above the policy's limit is approved at once when the consultant
     * drafting it may approve discounts (the sales manager: {@code approvesDiscounts}, decided by the
     * caller from the permissions), and otherwise waits for that approval.
     */
    public static SalesOrder draft(String id, String leadId, Customer customer, OrderedVehicle vehicle, Money discount,
                                   String discountReason, List<AddOn> addOns, DiscountPolicy policy, Actor by,
                                   boolean approvesDiscounts, Instant at) {
        return draft(id, leadId, null, customer, vehicle, discount, discountReason, addOns, policy, by, approvesDiscounts, at);
    }

    /** As above, for a fleet account's order ({@code fleetAccountId}, checked active by the caller). */
    public static SalesOrder draft(String id, String leadId, String fleetAccountId, Customer customer, OrderedVehicle vehicle, Money discount,
                                   String discountReason, List<AddOn> addOns, DiscountPolicy policy, Actor by,
                                   boolean approvesDiscounts, Instant at) {
        Money listPrice = vehicle.listPrice();
        requireCurrency(listPrice, discount, "discount");
        for (int i = 0; i < addOns.size(); i++) {
            requireCurrency(listPrice, addOns.get(i).price(), "addOns[" + i + "].price");
        }
        if (discount.isNegative() || discount.compareTo(listPrice) >= 0) {
            throw new RuleViolated("discount-out-of-range", "Discount out of range",
                    "A discount is between 0 and the list price", new FieldProblem("discount", "must be between 0 and the list price"));
        }
        SalesOrder order = new SalesOrder();
        order.id = id;
        order.leadId = leadId;
        order.fleetAccountId = fleetAccountId;
        order.customer = customer;
        order.vehicle = vehicle;
        order.discount = discount;
        order.discountReason = discountReason;
        order.addOns = new ArrayList<>(addOns);
        order.consultant = new Consultant(by.id(), by.displayName());
        order.status = SalesOrderStatus.DRAFT;
        order.createdAt = at;
        if (!policy.needsApproval(listPrice, discount)) {
            order.discountApproval = DiscountApproval.NOT_NEEDED;
        } else if (approvesDiscounts) {
            order.discountApproval = DiscountApproval.APPROVED;
            order.discountApprovedBy = by.id();
        } else {
            order.discountApproval = DiscountApproval.PENDING;
        }
        order.raise(new SalesOrderDrafted(id, leadId, customer.customerId(), customer.name(), customer.phone(), vehicle.vin(),
                vehicle.model(), listPrice, discount, order.totalPrice(), order.discountApproval, order.consultant.id(),
                order.consultant.name(), at, fleetAccountId));
        return order;
    }

    /** The sales manager approves a discount above the limit; the caller checks the permission. */
    public void approveDiscount(Actor by, Instant at) {
        discountApproval = Lifecycle.requireTransition(discountApproval, DiscountApproval.APPROVED,
                "The discount does not wait for approval");
        discountApprovedBy = by.id();
        raise(new DiscountApproved(id, customer.customerId(), vehicle.vin(), vehicle.listPrice(), discount, by.id(), at));
    }

    /** Confirms the contract. The caller reserves the VIN atomically before saving. */
    public void confirm(Instant at) {
        Lifecycle.requireTransition(status, SalesOrderStatus.CONFIRMED, "Cannot confirm an order that is " + status);
        if (discountApproval == DiscountApproval.PENDING) {
            throw new RuleViolated("discount-approval-required", "Discount needs approval",
                    "A discount of " + discount.amount() + " is above the limit and needs the sales manager's approval",
                    new FieldProblem("discount", "needs sales-orders:approve-discount"));
        }
        status = SalesOrderStatus.CONFIRMED;
        confirmedAt = at;
        raise(new SalesOrderConfirmed(id, vehicle.vin(), vehicle.brand(), vehicle.model(), customer.customerId(), customer.name(),
                customer.phone(), consultant.id(), consultant.name(), totalPrice(), discount, at, fleetAccountId));
    }

    /**
     * Records the car's insurance policy (a correction replaces it). Only on a contract that stands:
     * confirmed, paid or delivered.
     */
    public void recordInsurancePolicy(String insurer, String policyNumber, Money premium, LocalDate startsOn, LocalDate expiresOn,
                                      Instant at, Actor by) {
        if (status == SalesOrderStatus.DRAFT || status == SalesOrderStatus.CANCELLED) {
            throw new IllegalTransition("An insurance policy is recorded on a confirmed, paid or delivered order, not one that is " + status,
                    status);
        }
        requireCurrency(vehicle.listPrice(), premium, "premium");
        if (premium.amount().signum() <= 0) {
            throw new InvalidValue("premium must be positive", new FieldProblem("premium", "must be greater than 0"));
        }
        if (!expiresOn.isAfter(startsOn)) {
            throw new RuleViolated("policy-period", "Policy period empty", "The policy must expire after it starts",
                    new FieldProblem("expiresOn", "must be after startsOn"));
        }
        insurancePolicy = new InsurancePolicy(insurer, policyNumber, premium, startsOn, expiresOn, at, by.id());
        raise(new SalesOrderEvents.InsurancePolicyRecorded(id, customer.customerId(), customer.phone(), customer.name(), vehicle.vin(),
                insurer, premium, startsOn, expiresOn, policyNumber, at));
    }

    /** Adds accessories (精品) sold with the car to the contract while it still takes money; their price adds to the total. */
    public void addAccessory(String lineId, String partNumber, String description, int quantity, Money unitPrice, Money unitCost,
                             Instant at, Actor by) {
        if (!status.takesMoney()) {
            throw new IllegalTransition("Accessories are added before the order is paid in full; it is " + status, status);
        }
        requireCurrency(vehicle.listPrice(), unitPrice, "unitPrice");
        requireCurrency(vehicle.listPrice(), unitCost, "unitCost");
        if (quantity < 1 || unitPrice.isNegative() || unitCost.isNegative()) {
            throw new InvalidValue("quantity is at least 1 and prices are not negative",
                    new FieldProblem(quantity < 1 ? "quantity" : unitPrice.isNegative() ? "unitPrice" : "unitCost", "out of range"));
        }
        AccessoryLine line = new AccessoryLine(lineId, partNumber, description, quantity, unitPrice, unitCost, at, by.id());
        if (accessories == null) {
            accessories = new ArrayList<>();
        }
        accessories.add(line);
        raise(new SalesOrderEvents.AccessorySold(id, customer.customerId(), lineId, partNumber, description, quantity, unitPrice, unitCost,
                line.total(), consultant.id(), at));
    }

    /** Would this amount settle the order? Then the vehicle must be sold first (which needs its PDI). */
    public boolean settledBy(Money amount) {
        return balanceDue().compareTo(amount) == 0;
    }

    /** Takes a payment; a deposit may come before confirmation, full payment only on a confirmed order. */
    public void recordPayment(String paymentId, PaymentKind kind, PaymentMethod method, Money amount, Instant at, Actor by) {
        requireSettleable(amount, "amount");
        payments.add(new Payment(paymentId, kind, method, amount, at, by.id()));
        raise(new PaymentRecorded(id, customer.customerId(), paymentId, kind, method, amount, paid(), balanceDue(), at, by.id()));
        markPaidIfSettled(at);
    }

    /** Credits a used car taken in part exchange; one trade-in per order. */
    public void creditTradeIn(String usedCarId, String usedVin, Money amount, Instant at) {
        if (tradeIn != null) {
            throw new Conflict("trade-in-already-credited", "Trade-in already credited",
                    "Order " + id + " already has a trade-in credited");
        }
        requireSettleable(amount, "tradeIn");
        tradeIn = new TradeInCredit(usedCarId, usedVin, amount, at);
        raise(new TradeInCredited(id, customer.customerId(), usedCarId, usedVin, amount, balanceDue(), at));
        markPaidIfSettled(at);
    }

    /** Hands the car over (交车): only when paid in full; the vehicle's PDI is checked by the caller. */
    public void deliver(LocalDate deliveryDate, int odometerKm, Instant at, Actor by) {
        deliver(deliveryDate, odometerKm, null, null, null, at, by);
    }

    /**
     * Hands the car over (交车) with the checklist of what the customer received: every key and
     * document the store received with the car must be handed over, and the accessories it came with
     * (422 {@code delivery-checklist-incomplete} naming what is missing).
     */
    public void deliver(LocalDate deliveryDate, int odometerKm, DeliveryChecklist checklist, ReceivedWith received, String appointmentId,
                        Instant at, Actor by) {
        try {
            Lifecycle.requireTransition(status, SalesOrderStatus.DELIVERED, status == SalesOrderStatus.CONFIRMED
                    ? "The order is not paid in full: " + balanceDue().amount() + " " + balanceDue().currency() + " outstanding"
                    : "Cannot deliver an order that is " + status);
        } catch (IllegalTransition refused) {
            throw refused.with("balanceDue", balanceDue());
        }
        if (odometerKm < 0) {
            throw new InvalidValue("odometerKm must not be negative", new FieldProblem("odometerKm", "must be 0 or more"));
        }
        if (checklist != null && received != null) {
            List<String> missing = new ArrayList<>();
            if (checklist.keysHandedOver() < received.keys()) {
                missing.add("keys: " + checklist.keysHandedOver() + " of " + received.keys());
            }
            received.documents().stream().filter(d -> !checklist.documents().contains(d)).forEach(d -> missing.add("document: " + d));
            received.accessories().stream().filter(a -> !checklist.accessories().contains(a)).forEach(a -> missing.add("accessory: " + a));
            if (!missing.isEmpty()) {
                throw new RuleViolated("delivery-checklist-incomplete", "Not everything handed over",
                        "The customer has not received everything the car came with: " + String.join(", ", missing),
                        new FieldProblem("checklist", "misses " + String.join(", ", missing))).with("missing", missing);
            }
        }
        delivery = new Delivery(deliveryDate, at, odometerKm, by.id(), checklist, appointmentId);
        status = SalesOrderStatus.DELIVERED;
        raise(new VehicleDelivered(id, vehicle.vin(), vehicle.brand(), vehicle.model(), customer.customerId(), customer.name(),
                customer.phone(), consultant.id(), consultant.name(), deliveryDate, at, odometerKm, checklist, appointmentId, fleetAccountId));
    }

    /** Cancels the contract; what the customer paid becomes a refund due. The caller releases the vehicle. */
    public void cancel(String reason, Instant at, Actor by) {
        Lifecycle.requireTransition(status, SalesOrderStatus.CANCELLED, "Cannot cancel an order that is " + status);
        if (reason == null || reason.isBlank()) {
            throw new RuleViolated("cancel-reason-required", "Reason required", "A cancellation needs a reason",
                    new FieldProblem("reason", "must not be blank"));
        }
        SalesOrderStatus from = status;
        status = SalesOrderStatus.CANCELLED;
        cancelledAt = at;
        cancelReason = reason.trim();
        raise(new SalesOrderCancelled(id, vehicle.vin(), customer.customerId(), customer.name(), customer.phone(), cancelReason, from,
                refundDue(), at, by.id(), fleetAccountId));
    }

    /**
     * Pays money back on a cancelled order, at most what is still due; several refunds may settle
     * it (e.g. the deposit by card, the rest by transfer).
     */
    public void recordRefund(String refundId, PaymentMethod method, Money amount, String note, Instant at, Actor by) {
        if (status != SalesOrderStatus.CANCELLED) {
            throw new IllegalTransition("Only a cancelled order is refunded; order " + id + " is " + status, status);
        }
        requireCurrency(vehicle.listPrice(), amount, "amount");
        if (amount.amount().signum() <= 0) {
            throw new InvalidValue("amount must be positive", new FieldProblem("amount", "must be greater than 0"));
        }
        if (amount.compareTo(refundDue()) > 0) {
            throw new RuleViolated("refund-exceeds-due", "More than the refund due",
                    "Only " + refundDue().amount() + " is due back on order " + id, new FieldProblem("amount", "exceeds the refund due"))
                    .with("refundDue", refundDue());
        }
        if (refunds == null) {
            refunds = new ArrayList<>();
        }
        refunds.add(new Refund(refundId, method, amount, note, at, by.id()));
        raise(new SalesOrderEvents.RefundRecorded(id, customer.customerId(), refundId, method, amount, refunded(), refundDue(), at,
                by.id()));
    }

    /** The order holds its VIN from confirmation until it is cancelled. */
    public boolean holdsVehicle() {
        return status == SalesOrderStatus.CONFIRMED || status == SalesOrderStatus.PAID || status == SalesOrderStatus.DELIVERED;
    }

    public Money vehiclePrice() {
        return vehicle.listPrice().minus(discount);
    }

    public Money addOnsTotal() {
        return addOns.stream().map(AddOn::price).reduce(zero(), Money::plus);
    }

    public Money accessoriesTotal() {
        return accessories().stream().map(AccessoryLine::total).reduce(zero(), Money::plus);
    }

    public Money totalPrice() {
        return vehiclePrice().plus(addOnsTotal()).plus(accessoriesTotal());
    }

    private List<AccessoryLine> accessories() {
        return accessories == null ? List.of() : accessories;
    }

    public Money paid() {
        return payments.stream().map(Payment::amount).reduce(zero(), Money::plus);
    }

    public Money credited() {
        return tradeIn == null ? zero() : tradeIn.amount();
    }

    /** What the customer still owes; nothing once the order is cancelled (what they paid is then a refund due). */
    public Money balanceDue() {
        if (status == SalesOrderStatus.CANCELLED) {
            return zero();
        }
        return totalPrice().minus(paid()).minus(credited());
    }

    public Money refunded() {
        return refunds().stream().map(Refund::amount).reduce(zero(), Money::plus);
    }

    /** What the store owes back: on a cancelled order, what was paid less what was refunded; otherwise nothing. */
    public Money refundDue() {
        return status == SalesOrderStatus.CANCELLED ? paid().minus(refunded()) : zero();
    }

    private List<Refund> refunds() {
        return refunds == null ? List.of() : refunds;
    }

    /** Money of another currency cannot be added to this contract (Money would refuse it with a 500). */
    private static void requireCurrency(Money reference, Money amount, String field) {
        if (!reference.currency().equals(amount.currency())) {
            throw new RuleViolated("currency-mismatch", "Wrong currency",
                    "The order is in " + reference.currency(), new FieldProblem(field, "must be in " + reference.currency()));
        }
    }

    private void requireSettleable(Money amount, String field) {
        requireCurrency(vehicle.listPrice(), amount, field);
        if (!status.takesMoney()) {
            throw new IllegalTransition("Cannot take money on an order that is " + status, status);
        }
        if (amount.amount().signum() <= 0) {
            throw new InvalidValue(field + " must be positive", new FieldProblem(field, "must be greater than 0"));
        }
        if (amount.compareTo(balanceDue()) > 0) {
            throw new RuleViolated("overpayment", "More than the balance due",
                    "Only " + balanceDue().amount() + " is due on order " + id, new FieldProblem(field, "exceeds the balance due"))
                    .with("balanceDue", balanceDue());
        }
        if (settledBy(amount) && status == SalesOrderStatus.DRAFT) {
            throw new RuleViolated("order-not-confirmed", "Order not confirmed",
                    "Confirm the order (reserving its vehicle) before it is paid in full", new FieldProblem(field, "would settle a draft order"));
        }
    }

    private void markPaidIfSettled(Instant at) {
        if (balanceDue().amount().signum() == 0) {
            status = Lifecycle.requireTransition(status, SalesOrderStatus.PAID);
            paidAt = at;
            raise(new SalesOrderPaid(id, customer.customerId(), vehicle.vin(), totalPrice(), paid(), credited(), at));
        }
    }

    private Money zero() {
        return Money.zero(vehicle.listPrice().currency());
    }

    public String getId() { return id; }
    public String getLeadId() { return leadId; }
    public String getFleetAccountId() { return fleetAccountId; }
    public Customer getCustomer() { return customer; }
    public OrderedVehicle getVehicle() { return vehicle; }
    public Money getDiscount() { return discount; }
    public String getDiscountReason() { return discountReason; }
    public DiscountApproval getDiscountApproval() { return discountApproval; }
    public String getDiscountApprovedBy() { return discountApprovedBy; }
    public List<AddOn> getAddOns() { return List.copyOf(addOns); }
    public List<Payment> getPayments() { return List.copyOf(payments); }
    public List<Refund> getRefunds() { return List.copyOf(refunds()); }
    public InsurancePolicy getInsurancePolicy() { return insurancePolicy; }
    public List<AccessoryLine> getAccessories() { return List.copyOf(accessories()); }
    public TradeInCredit getTradeIn() { return tradeIn; }
    public Consultant getConsultant() { return consultant; }
    public SalesOrderStatus getStatus() { return status; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getConfirmedAt() { return confirmedAt; }
    public Instant getPaidAt() { return paidAt; }
    public Delivery getDelivery() { return delivery; }
    public Instant getCancelledAt() { return cancelledAt; }
    public String getCancelReason() { return cancelReason; }
}
