package dev.forecourt.sales.orders;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.forecourt.platform.domain.Lifecycle;

import dev.forecourt.platform.money.Money;

/** Value types of a sales order. */
public final class OrderRecords {

    private OrderRecords() {
    }

    public enum AddOnType { INSURANCE, ACCESSORY, EXTENDED_WARRANTY, FINANCING }

    /** Something sold with the car: an insurance policy, accessories (精品), extended warranty, a financing service. */
    public record AddOn(AddOnType type, String description, Money price) {
    }

    public enum PaymentKind { DEPOSIT, INSTALMENT, BALANCE, LOAN_DISBURSEMENT }

    public enum PaymentMethod { CASH, CARD, BANK_TRANSFER, WECHAT_PAY, ALIPAY, LOAN }

    public record Payment(String id, PaymentKind kind, PaymentMethod method, Money amount, Instant receivedAt, String receivedBy) {
    }

    /** Whether the discount needs the sales manager: only a pending approval changes (to APPROVED). */
    /** The car's insurance policy sold with it (insurer, premium, cover period): CRM calls for the renewal before it expires. */
    public record InsurancePolicy(String insurer, String policyNumber, Money premium, LocalDate startsOn, LocalDate expiresOn,
                                  Instant recordedAt, String recordedBy) {
    }

    /** An accessory (精品) sold with the car: what the customer pays and what it cost the store. */
    public record AccessoryLine(String id, String partNumber, String description, int quantity, Money unitPrice, Money unitCost,
                                Instant soldAt, String soldBy) {
        public Money total() {
            return unitPrice.times(java.math.BigDecimal.valueOf(quantity));
        }

        public Money cost() {
            return unitCost.times(java.math.BigDecimal.valueOf(quantity));
        }
    }

    /** Money paid back to the customer of a cancelled order. */
    public record Refund(String id, PaymentMethod method, Money amount, String note, Instant refundedAt, String refundedBy) {
    }

    public enum DiscountApproval implements Lifecycle<DiscountApproval> {
        NOT_NEEDED, PENDING, APPROVED;

        @Override
        public Set<DiscountApproval> next() {
            return this == PENDING ? EnumSet.of(APPROVED) : EnumSet.noneOf(DiscountApproval.class);
        }
    }

    /** The vehicle as sold: what it was and cost when the order was drafted. */
    public record OrderedVehicle(String vin, String brand, String model, String trim, String colour, Money listPrice) {
    }

    /** A used car taken in part exchange: its appraised value is credited to the order. */
    public record TradeInCredit(String usedCarId, String vin, Money amount, Instant creditedAt) {
    }

    /** The hand-over (交车) and what was checked and handed over with the car; the checklist is null when none was recorded. */
    public record Delivery(LocalDate deliveryDate, Instant deliveredAt, int odometerKm, String deliveredBy, DeliveryChecklist checklist,
                           String deliveryAppointmentId) {
    }

    /** What the customer received at delivery: keys, documents, tools, accessories, and the features explained to them. */
    public record DeliveryChecklist(int keysHandedOver, List<String> documents, List<String> tools, List<String> accessories,
                                    List<String> featuresExplained) {
        public DeliveryChecklist {
            documents = documents == null ? List.of() : List.copyOf(documents);
            tools = tools == null ? List.of() : List.copyOf(tools);
            accessories = accessories == null ? List.of() : List.copyOf(accessories);
            featuresExplained = featuresExplained == null ? List.of() : List.copyOf(featuresExplained);
        }
    }

    /** What came with the car when the store received it: the checklist must hand all of it over. */
    public record ReceivedWith(int keys, List<String> documents, List<String> accessories) {
    }

    public record Consultant(String id, String name) {
    }
}
