package dev.forecourt.sales.testdrives;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.forecourt.platform.domain.Lifecycle;
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.InvalidValue;
import dev.forecourt.platform.errors.RuleViolated;
import dev.forecourt.platform.events.outbox.OutboxAggregate;
import dev.forecourt.sales.customers.Customer;

/**
 * A test drive (试乘试驾) of a demo car in one time slot. {@code slotKey} (car + slot start) carries
 * a unique index, so the database refuses a second booking of the same car and slot even when two
 * consultants book at the same moment; a cancelled drive gives its key up.
 */
@Document("test_drives")
public class TestDrive extends OutboxAggregate {

    static final String SLOT_KEY = "slotKey";

    /** The driver licence on file; it must be valid on the day of the drive. */
    public record DriverLicence(String number, LocalDate expiresOn) {
    }

    public record Feedback(int rating, boolean intendsToBuy, String comments) {
    }

    @Id
    private String id;
    private String carVin;
    private String model;
    private Instant slotStart;
    private Instant slotEnd;
    private String slotKey;
    private Customer customer;
    private DriverLicence licence;
    private String leadId;
    private String consultantId;
    private String consultantName;
    private TestDriveStatus status;
    private Instant bookedAt;
    private Instant completedAt;
    private Feedback feedback;

    static TestDrive book(String id, String carVin, String model, Instant slotStart, Instant slotEnd, LocalDate driveDate,
                          Customer customer, DriverLicence licence, String leadId, String consultantId, String consultantName,
                          Instant at) {
        if (licence.expiresOn().isBefore(driveDate)) {
            throw new RuleViolated("licence-expired", "Driver licence not valid",
                    "The driver licence expires on " + licence.expiresOn() + ", before the test drive on " + driveDate,
                    new FieldProblem("licence.expiresOn", "must not be before the test-drive date"));
        }
        TestDrive drive = new TestDrive();
        drive.id = id;
        drive.carVin = carVin;
        drive.model = model;
        drive.slotStart = slotStart;
        drive.slotEnd = slotEnd;
        drive.slotKey = slotKey(carVin, slotStart);
        drive.customer = customer;
        drive.licence = licence;
        drive.leadId = leadId;
        drive.consultantId = consultantId;
        drive.consultantName = consultantName;
        drive.status = TestDriveStatus.BOOKED;
        drive.bookedAt = at;
        drive.raise(new TestDriveEvents.TestDriveBooked(id, carVin, model, slotStart, slotEnd, customer.customerId(), customer.name(),
                customer.phone(), leadId, consultantId, consultantName, at));
        return drive;
    }

    static String slotKey(String carVin, Instant slotStart) {
        return carVin + "@" + slotStart;
    }

    void complete(Feedback feedback, Instant at) {
        Lifecycle.requireTransition(status, TestDriveStatus.COMPLETED, "Cannot complete a test drive that is " + status);
        if (feedback.rating() < 1 || feedback.rating() > 5) {
            throw new InvalidValue("rating must be 1 to 5", new FieldProblem("rating", "must be between 1 and 5"));
        }
        this.feedback = feedback;
        completedAt = at;
        status = TestDriveStatus.COMPLETED;
        raise(new TestDriveEvents.TestDriveCompleted(id, carVin, model, customer.customerId(), customer.phone(), leadId, consultantId,
                feedback.rating(), feedback.intendsToBuy(), at));
    }

    void cancel(Instant at, String by) {
        status = Lifecycle.requireTransition(status, TestDriveStatus.CANCELLED, "Cannot cancel a test drive that is " + status);
        // Frees the slot for another booking: the unique key no longer names car + slot.
        slotKey = "cancelled:" + id;
        raise(new TestDriveEvents.TestDriveCancelled(id, carVin, slotStart, customer.customerId(), customer.phone(), leadId, at, by));
    }

    public String getId() { return id; }
    public String getCarVin() { return carVin; }
    public String getModel() { return model; }
    public Instant getSlotStart() { return slotStart; }
    public Instant getSlotEnd() { return slotEnd; }
    public Customer getCustomer() { return customer; }
    public DriverLicence getLicence() { return licence; }
    public String getLeadId() { return leadId; }
    public String getConsultantId() { return consultantId; }
    public String getConsultantName() { return consultantName; }
    public TestDriveStatus getStatus() { return status; }
    public Instant getBookedAt() { return bookedAt; }
    public Instant getCompletedAt() { return completedAt; }
    public Feedback getFeedback() { return feedback; }
}
