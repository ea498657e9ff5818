package dev.forecourt.sales.usedcars;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.forecourt.platform.domain.Lifecycle;
import dev.forecourt.platform.events.outbox.OutboxAggregate;
import dev.forecourt.platform.money.Money;
import dev.forecourt.sales.customers.Customer;

/** A used car the store appraised (评估), and what became of it: bought, traded in, resold. */
@Document("used_cars")
public class UsedCar extends OutboxAggregate {

    public enum Condition { EXCELLENT, GOOD, FAIR, POOR }

    public record Appraisal(Money value, Condition condition, String notes, String appraisedBy, Instant appraisedAt) {
    }

    public record Acquisition(Money price, String salesOrderId, Instant at, String by) {
    }

    public record Resale(Money price, Customer buyer, Instant at, String by) {
    }

    @Id
    private String id;
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
        car.raise(new UsedCarEvents.UsedCarAppraised(id, vin, brand, model, firstRegistration, odometerKm, seller.customerId(),
                seller.name(), seller.phone(), appraisal.value(), appraisal.condition(), appraisal.appraisedAt(), appraisal.appraisedBy()));
        return car;
    }

    /** The store buys the car for cash (收购). */
    void purchase(Money price, Instant at, String by) {
        status = Lifecycle.requireTransition(status, UsedCarStatus.PURCHASED, "Cannot purchase a used car that is " + status);
        acquisition = new Acquisition(price, null, at, by);
        raise(new UsedCarEvents.UsedCarPurchased(id, vin, seller.customerId(), seller.phone(), price, appraisal.value(), at, by));
    }

    void resell(Money price, Customer buyer, Instant at, String by) {
        status = Lifecycle.requireTransition(status, UsedCarStatus.RESOLD, "Only a car the store owns can be resold");
        resale = new Resale(price, buyer, at, by);
        raise(new UsedCarEvents.UsedCarResold(id, vin, buyer.customerId(), buyer.name(), buyer.phone(), price, at, by));
    }

    public String getId() { return id; }
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
