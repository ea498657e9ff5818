package dev.forecourt.sales.stock;

import java.time.Instant;
import java.util.List;

import dev.forecourt.platform.money.Money;
import dev.forecourt.platform.web.Versioned;

/** A vehicle as the API shows it. */
public record VehicleView(String vin, String brand, String model, String trim, String colour, Money listPrice,
                          VehicleStatus status, VehiclePool pool, int keys, List<String> documents, List<String> accessories,
                          PdiResult pdi, List<PdiResult> pdiHistory, Instant receivedAt, String receivedBy,
                          String reservedBy, Instant deliveredAt, Long version) implements Versioned {

    public static VehicleView of(Vehicle v) {
        VehicleSpec s = v.getSpec();
        return new VehicleView(v.getVin(), s.brand(), s.model(), s.trim(), s.colour(), s.listPrice(), v.getStatus(), v.getPool(),
                s.keys(), s.documents(), s.accessories(), v.getPdi(), v.getPdiHistory(), v.getReceivedAt(), v.getReceivedBy(),
                v.getReservedBy(), v.getDeliveredAt(), v.getVersion());
    }
}
