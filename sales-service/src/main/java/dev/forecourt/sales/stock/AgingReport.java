package dev.forecourt.sales.stock;

import java.time.LocalDate;
import java.util.List;

import dev.forecourt.platform.money.Money;

/** How long unsold new cars have been standing in stock: capital tied up, candidates for promotion. */
public record AgingReport(LocalDate asOf, List<Bucket> buckets, List<AgingLine> vehicles) {

    public record Bucket(String range, int fromDays, Integer toDays, int count, Money listValue) {
    }

    public record AgingLine(String vin, String model, String trim, String colour, VehicleStatus status, LocalDate receivedOn, long days) {
    }
}
