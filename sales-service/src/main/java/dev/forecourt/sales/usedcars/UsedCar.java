package dev.forecourt.sales.usedcars;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.forecourt.platform.errors.ProblemException;
import dev.forecourt.platform.money.Money;
import dev.forecourt.sales.common.Customer;

/** A used car the store appraised (评估), and what became of it: bought, traded in, resold. */
@Document("used_cars")
public class UsedCar {

    public enum Condition { EXCELLENT, GOOD, FAIR, POOR }

    public record Appraisal(Money value, Condition condition, String notes, String appraisedBy, Instant appraisedAt) {
    }

    public record Acquisition(Money price, String salesOrderId, Instant at, String by) {
    }

    public record Resale(Money price, Customer buyer, Instant at, String by) {
    }

    @Id
    private String id;
    @Version
    private Long version;
    private String vin;
    private String brand;
    private String model;
    private LocalDate firstRegistration;
    private int odometerKm;
    private Customer seller;
    private Appraisal appraisal;
    private UsedCarStatus status;
    private Acquisition acquisition;
    private Resale resale;

    static UsedCar appraise(String id, String vin, String brand, String model, LocalDate firstRegistration, int odometerKm,
                            Customer seller, Appraisal appraisal) {
        UsedCar car = new UsedCar();
        car.id = id;
        car.vin = vin;
        car.brand = brand;
        car.model = model;
        car.firstRegistration = firstRegistration;
        car.odometerKm = odometerKm;
        car.seller = seller;
        car.appraisal = appraisal;
        car.status = UsedCarStatus.APPRAISED;
        return car;
    }

    /** The store buys the car for cash (收购). */
    void purchase(Money price, Instant at, String by) {
        requireStatus(UsedCarStatus.APPRAISED, "purchase");
        acquisition = new Acquisition(price, null, at, by);
        status = UsedCarStatus.PURCHASED;
    }

    void resell(Money price, Customer buyer, Instant at, String by) {
        if (status != UsedCarStatus.PURCHASED && status != UsedCarStatus.TRADED_IN) {
            throw ProblemException.illegalState("Only a car the store owns can be resold", status);
        }
        resale = new Resale(price, buyer, at, by);
        status = UsedCarStatus.RESOLD;
    }

    private void requireStatus(UsedCarStatus expected, String step) {
        if (status != expected) {
            throw ProblemException.illegalState("Cannot " + step + " a used car that is " + status, status);
        }
    }

    public String getId() { return id; }
    public Long getVersion() { return version; }
    public String getVin() { return vin; }
    public String getBrand() { return brand; }
    public String getModel() { return model; }
    public LocalDate getFirstRegistration() { return firstRegistration; }
    public int getOdometerKm() { return odometerKm; }
    public Customer getSeller() { return seller; }
    public Appraisal getAppraisal() { return appraisal; }
    public UsedCarStatus getStatus() { return status; }
    public Acquisition getAcquisition() { return acquisition; }
    public Resale getResale() { return resale; }
}
