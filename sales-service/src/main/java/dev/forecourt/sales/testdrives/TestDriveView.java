package dev.forecourt.sales.testdrives;

import java.time.Instant;

import dev.forecourt.platform.web.Versioned;
import dev.forecourt.sales.customers.Customer;

/** A test drive as the API shows it. */
public record TestDriveView(String id, Long version, String carVin, String model, Instant slotStart, Instant slotEnd,
                            Customer customer, TestDrive.DriverLicence licence, String leadId, String consultantId,
                            String consultantName, TestDriveStatus status, Instant bookedAt, Instant completedAt,
                            TestDrive.Feedback feedback) implements Versioned {

    public static TestDriveView of(TestDrive d) {
        return new TestDriveView(d.getId(), d.getVersion(), d.getCarVin(), d.getModel(), d.getSlotStart(), d.getSlotEnd(),
                d.getCustomer(), d.getLicence(), d.getLeadId(), d.getConsultantId(), d.getConsultantName(), d.getStatus(),
                d.getBookedAt(), d.getCompletedAt(), d.getFeedback());
    }
}
