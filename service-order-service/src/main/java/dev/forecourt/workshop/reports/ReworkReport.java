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
import dev.forecourt.workshop.rework.ReworkRequests;

/**
 * The rework rate (返修率) over store days. It counts both ways rework reaches the workshop: orders
 * opened as rework ({@code reworkOrders}) and rework requests from CRM's callbacks
 * ({@code reworkRequests}); {@code rework} is the number of distinct cases (rework orders plus the
 * requests not turned into one), and {@code rate} is those cases per order handed over.
 */
@Service
public class ReworkReport {

    public record ReworkRate(LocalDate from, LocalDate to, long handedOver, long reworkOrders, long reworkRequests,
                             long rework, BigDecimal rate) {
    }

    private final RepairOrders orders;
    private final ReworkRequests requests;
    private final ZoneId zone;

    ReworkReport(RepairOrders orders, ReworkRequests requests, ForecourtProperties store) {
        this.orders = orders;
        this.requests = requests;
        this.zone = store.timeZone();
    }

    public ReworkRate between(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new InvalidValue("'to' is before 'from'");
        }
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        long handedOver = orders.handedOverBetween(start, end);
        long reworkOrders = orders.reworkOpenedBetween(start, end);
        long reworkRequests = requests.requestedBetween(start, end);
        long rework = reworkOrders + requests.notTurnedIntoOrdersBetween(start, end);
        BigDecimal rate = handedOver == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(rework).divide(BigDecimal.valueOf(handedOver), 4, RoundingMode.HALF_UP);
        return new ReworkRate(from, to, handedOver, reworkOrders, reworkRequests, rework, rate);
    }
}
