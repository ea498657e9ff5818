package dev.forecourt.sales.testdrives;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.ProblemException;
import dev.forecourt.sales.common.Customer;

/**
 * A test drive (试乘试驾) of a demo car in one time slot. {@code slotKey} (car + slot start) carries
 * a unique index, so the database refuses a second booking of the same car and slot even when two
 * consultants book at the same moment; a cancelled drive gives its key up.
 */
@Document("test_drives")
public class TestDrive {

    static final String SLOT_KEY = "slotKey";

    public enum Status { BOOKED, COMPLETED, CANCELLED }

    /** The driver licence on file; it must be valid on the day of the drive. */
    public record DriverLicence(String number, LocalDate expiresOn) {
    }

    public record Feedback(int rating, boolean intendsToBuy, String comments) {
    }

    @Id
    private String id;
    @Version
    private Long version;
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
    private Status status;
    private Instant bookedAt;
    private Instant completedAt;
    private Feedback feedback;

    static TestDrive book(String id, String carVin, String model, Instant slotStart, Instant slotEnd, LocalDate driveDate,
                          Customer customer, DriverLicence licence, String leadId, String consultantId, String consultantName,
                          Instant at) {
        if (licence.expiresOn().isBefore(driveDate)) {
            throw ProblemException.businessRule("licence-expired", "Driver licence not valid",
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
        drive.status = Status.BOOKED;
        drive.bookedAt = at;
        return drive;
    }

    static String slotKey(String carVin, Instant slotStart) {
        return carVin + "@" + slotStart;
    }

    void complete(Feedback feedback, Instant at) {
        requireBooked("complete");
        if (feedback.rating() < 1 || feedback.rating() > 5) {
            throw ProblemException.invalid("rating must be 1 to 5", new FieldProblem("rating", "must be between 1 and 5"));
        }
        this.feedback = feedback;
        completedAt = at;
        status = Status.COMPLETED;
    }

    void cancel() {
        requireBooked("cancel");
        status = Status.CANCELLED;
        // Frees the slot for another booking: the unique key no longer names car + slot.
        slotKey = "cancelled:" + id;
    }

    private void requireBooked(String step) {
        if (status != Status.BOOKED) {
            throw ProblemException.illegalState("Cannot " + step + " a test drive that is " + status, status);
        }
    }

    public String getId() { return id; }
    public Long getVersion() { return version; }
    public String getCarVin() { return carVin; }
    public String getModel() { return model; }
    public Instant getSlotStart() { return slotStart; }
    public Instant getSlotEnd() { return slotEnd; }
    public Customer getCustomer() { return customer; }
    public DriverLicence getLicence() { return licence; }
    public String getLeadId() { return leadId; }
    public String getConsultantId() { return consultantId; }
    public String getConsultantName() { return consultantName; }
    public Status getStatus() { return status; }
    public Instant getBookedAt() { return bookedAt; }
    public Instant getCompletedAt() { return completedAt; }
    public Feedback getFeedback() { return feedback; }
}
