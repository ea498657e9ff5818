package dev.forecourt.sales.supply;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import dev.forecourt.platform.money.Money;

/**
 * The carmaker's vehicle distribution system as supply needs it: an order goes in and is answered
 * with its allocation (a VIN per car, the guide price and the dealer's invoice price); the cars it
 * has dispatched are asked for later; the monthly supply plan (N+1/N+2 forecast, next month's
 * colours) is handed over. Implemented over HTTP by {@link OemVehicleDistributionClient}.
 */
public interface OemVehicleDistribution {

    record OrderLine(int lineNo, String model, String trim, String colour, int quantity) {
    }

    record Allocation(int lineNo, String vin, String model, String trim, String colour, Money listPrice, Money invoicePrice) {
    }

    record Allocated(String oemOrderId, List<Allocation> allocations) {
    }

    record Dispatch(String vin, Instant dispatchedAt, LocalDate expectedArrival, String transportNote, Integer keys,
                    List<String> documents) {
    }

    record Dispatches(String oemOrderId, List<Dispatch> dispatches) {
    }

    record PlanLine(String model, String trim, String colour, int quantity) {
    }

    record PlanReceipt(String reference) {
    }

    /** The OEM cannot be reached or refused the request: nothing is recorded as sent. */
    class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Idempotent per order number: sending it again answers the first allocation. */
    Allocated place(String dealerCode, String orderNumber, VehicleOrder.Kind kind, YearMonth month, List<OrderLine> lines);

    /** The cars of the OEM's order dispatched by now. */
    Dispatches dispatches(String oemOrderId);

    /** Hands over the month's forecast and, once confirmed, its colours; the last one sent counts. */
    PlanReceipt submitPlan(String dealerCode, YearMonth month, List<PlanLine> forecast, List<PlanLine> colours);
}
