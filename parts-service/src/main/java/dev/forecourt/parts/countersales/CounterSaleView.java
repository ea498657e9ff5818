package dev.forecourt.parts.countersales;

import java.time.Instant;
import java.util.List;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.money.Money;
import dev.forecourt.platform.web.Versioned;

/** A counter sale as answered by the API. */
public record CounterSaleView(String id, String saleNumber, String customerId, String customerName, String customerPhone,
                              List<CounterSaleLine> lines, Money total, List<Payment> payments, Money paid, Money outstanding,
                              CounterSaleStatus status, Instant openedAt, Actor openedBy, Instant closedAt, String cancelReason,
                              Long version) implements Versioned {

    public static CounterSaleView of(CounterSale s) {
        return new CounterSaleView(s.getId(), s.getSaleNumber(), s.getCustomerId(), s.getCustomerName(), s.getCustomerPhone(),
                s.getLines(), s.getTotal(), s.payments(), s.paid(), s.outstanding(), s.getStatus(), s.getOpenedAt(), s.getOpenedBy(),
                s.getClosedAt(), s.getCancelReason(), s.getVersion());
    }
}
