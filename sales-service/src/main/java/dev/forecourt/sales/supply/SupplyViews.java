package dev.forecourt.sales.supply;

import java.time.Instant;
import java.util.List;

import dev.forecourt.platform.money.Money;
import dev.forecourt.platform.web.Versioned;
import dev.forecourt.sales.supply.VehicleOrderEvents.ColourLine;
import dev.forecourt.sales.supply.VehicleOrderEvents.ForecastLine;

/** What the supply endpoints answer. */
final class SupplyViews {

    private SupplyViews() {
    }

    record VehicleOrderView(String id, String number, VehicleOrder.Kind kind, String month, String supplyPlanId, List<VehicleOrder.VehicleOrderLine> lines,
                            int quantity, String note, VehicleOrderStatus status, Instant draftedAt, String draftedBy, Instant approvedAt,
                            String approvedBy, String oemOrderId, Instant allocatedAt, String sentBy,
                            List<VehicleOrder.AllocatedVehicle> allocations, int allocated, int dispatched, Money invoiceTotal,
                            Instant cancelledAt, String cancelledBy, String cancelReason, Long version) implements Versioned {
        static VehicleOrderView of(VehicleOrder o) {
            return new VehicleOrderView(o.getId(), o.getNumber(), o.getKind(), o.getMonth().toString(), o.getSupplyPlanId(), o.getLines(),
                    o.quantity(), o.getNote(), o.getStatus(), o.getDraftedAt(), o.getDraftedBy(), o.getApprovedAt(), o.getApprovedBy(),
                    o.getOemOrderId(), o.getAllocatedAt(), o.getSentBy(), o.getAllocations(), o.getAllocations().size(),
                    (int) o.getAllocations().stream().filter(a -> a.dispatchedAt() != null).count(), o.invoiceTotal(), o.getCancelledAt(),
                    o.getCancelledBy(), o.getCancelReason(), o.getVersion());
        }
    }

    record SupplyPlanView(String id, String month, SupplyPlan.Status status, List<ForecastLine> forecast, int forecastQuantity,
                          Instant forecastAt, String forecastBy, List<ColourLine> colours, Instant coloursConfirmedAt,
                          String coloursConfirmedBy, String oemReference, String vehicleOrderId, Long version) implements Versioned {
        static SupplyPlanView of(SupplyPlan p) {
            return new SupplyPlanView(p.getId(), p.getMonth().toString(), p.getStatus(), p.getForecast(), p.forecastQuantity(),
                    p.getForecastAt(), p.getForecastBy(), p.getColours(), p.getColoursConfirmedAt(), p.getColoursConfirmedBy(),
                    p.getOemReference(), p.getVehicleOrderId(), p.getVersion());
        }
    }

    record PaymentRequestView(String id, String number, String vehicleOrderId, String vehicleOrderNumber, String oemOrderId, List<String> vins,
                              Money amount, String note, PaymentRequest.Status status, Instant requestedAt, String requestedBy,
                              String bankReference, java.time.LocalDate remittedOn, Instant decidedAt, String decidedBy, String rejectReason,
                              Long version) implements Versioned {
        static PaymentRequestView of(PaymentRequest r) {
            return new PaymentRequestView(r.getId(), r.getNumber(), r.getVehicleOrderId(), r.getVehicleOrderNumber(), r.getOemOrderId(),
                    r.getVins(), r.getAmount(), r.getNote(), r.getStatus(), r.getRequestedAt(), r.getRequestedBy(), r.getBankReference(),
                    r.getRemittedOn(), r.getDecidedAt(), r.getDecidedBy(), r.getRejectReason(), r.getVersion());
        }
    }
}
