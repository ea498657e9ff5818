package dev.forecourt.sales.stock;

import java.util.List;

import dev.forecourt.platform.money.Money;

/** What the stock administrator records when a vehicle comes in: the car and what comes with it. */
public record VehicleSpec(String brand, String model, String trim, String colour, Money listPrice,
                          int keys, List<String> documents, List<String> accessories) {

    public VehicleSpec {
        documents = documents == null ? List.of() : List.copyOf(documents);
        accessories = accessories == null ? List.of() : List.copyOf(accessories);
    }
}
