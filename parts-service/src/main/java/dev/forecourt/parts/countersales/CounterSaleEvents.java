package dev.forecourt.parts.countersales;

import java.time.Instant;
import java.util.List;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;
import dev.forecourt.platform.money.Money;

/** What a counter sale announces (subject: the sale's id). */
final class CounterSaleEvents {

    private CounterSaleEvents() {
    }

    record SoldLine(String lineId, String partNumber, int quantity, Money unitPrice, Money lineTotal) {
    }

    @EventType("forecourt.parts.counter-sale-opened.v1")
    record CounterSaleOpened(String saleId, String saleNumber, String customerId, String customerName, String customerPhone,
                             List<SoldLine> lines, Money total, String openedBy, Instant openedAt) implements DomainEvent {
        @Override
        public String aggregateId() {
            return saleId;
        }
    }

    @EventType("forecourt.parts.counter-sale-payment-recorded.v1")
    record CounterSalePaymentRecorded(String saleId, String saleNumber, String customerId, String method, Money amount, Money paid,
                                      Money outstanding, String receivedBy, Instant receivedAt) implements DomainEvent {
        @Override
        public String aggregateId() {
            return saleId;
        }
    }

    @EventType("forecourt.parts.counter-sale-paid.v1")
    record CounterSalePaid(String saleId, String saleNumber, String customerId, Money total, Instant paidAt) implements DomainEvent {
        @Override
        public String aggregateId() {
            return saleId;
        }
    }

    @EventType("forecourt.parts.counter-sale-completed.v1")
    record CounterSaleCompleted(String saleId, String saleNumber, String customerId, Instant completedAt) implements DomainEvent {
        @Override
        public String aggregateId() {
            return saleId;
        }
    }

    @EventType("forecourt.parts.counter-sale-cancelled.v1")
    record CounterSaleCancelled(String saleId, String saleNumber, String customerId, String reason, String cancelledBy,
                                Instant cancelledAt) implements DomainEvent {
        @Override
        public String aggregateId() {
            return saleId;
        }
    }
}
