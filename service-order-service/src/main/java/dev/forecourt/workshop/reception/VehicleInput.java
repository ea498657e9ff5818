package dev.forecourt.workshop.reception;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.forecourt.workshop.repairorder.Vehicle;

/** A vehicle as typed at reception. VINs never contain I, O or Q. */
public record VehicleInput(@NotBlank @Pattern(regexp = "[A-HJ-NPR-Z0-9]{17}", message = "must be a 17-character VIN") String vin,
                           @NotBlank @Size(max = 16) String plate, @NotBlank @Size(max = 40) String brand,
                           @NotBlank @Size(max = 60) String model) {

    public Vehicle toVehicle() {
        return new Vehicle(vin, plate.strip(), brand.strip(), model.strip());
    }
}
