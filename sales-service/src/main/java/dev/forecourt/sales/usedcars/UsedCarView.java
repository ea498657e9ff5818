package dev.forecourt.sales.usedcars;

import java.time.LocalDate;

import dev.forecourt.platform.web.Versioned;
import dev.forecourt.sales.customers.Customer;

/** A used car as the API shows it. */
public record UsedCarView(String id, Long version, String vin, String brand, String model, LocalDate firstRegistration,
                          int odometerKm, Customer seller, UsedCar.Appraisal appraisal, UsedCarStatus status,
                          UsedCar.Acquisition acquisition, UsedCar.Resale resale) implements Versioned {

    public static UsedCarView of(UsedCar c) {
        return new UsedCarView(c.getId(), c.getVersion(), c.getVin(), c.getBrand(), c.getModel(), c.getFirstRegistration(),
                c.getOdometerKm(), c.getSeller(), c.getAppraisal(), c.getStatus(), c.getAcquisition(), c.getResale());
    }
}
