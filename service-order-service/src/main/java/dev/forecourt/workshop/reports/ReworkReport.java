package dev.forecourt.workshop.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.stereotype.Service;

import dev.forecourt.platform.errors.InvalidValue;
import dev.forecourt.platform.store.ForecourtProperties;
import dev.forecourt.workshop.repairorder.RepairOrders;

/** The rework rate (返修率): orders opened as rework per order handed over, over store days. */
@Service
public class ReworkReport {

    public record ReworkRate(LocalDate from, LocalDate to, long handedOver, long rework, BigDecimal rate) {
    }

    private final RepairOrders orders;
    private final ZoneId zone;

    ReworkReport(RepairOrders orders, ForecourtProperties store) {
        this.orders = orders;
        this.zone = store.timeZone();
    }

    public ReworkRate between(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new InvalidValue("'to' is before 'from'");
        }
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        long handedOver = orders.handedOverBetween(start, end);
        long rework = orders.reworkOpenedBetween(start, end);
        BigDecimal rate = handedOver == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(rework).divide(BigDecimal.valueOf(handedOver), 4, RoundingMode.HALF_UP);
        return new ReworkRate(from, to, handedOver, rework, rate);
    }
}
