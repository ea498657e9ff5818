package dev.forecourt.sales.testdrives;

import java.time.Instant;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;

/**
 * Facts of a test drive (试乘试驾): booked, completed with the customer's feedback, cancelled. The
 * subject is the test drive id. The driver licence number stays in sales-service.
 */
public final class TestDriveEvents {

    private TestDriveEvents() {
    }

    @EventType("forecourt.sales.test-drive-booked.v1")
    public record TestDriveBooked(String testDriveId, String carVin, String model, Instant slotStart, Instant slotEnd,
                                  String customerId, String customerName, String customerPhone, String leadId,
                                  String consultantId, String consultantName, Instant bookedAt) implements DomainEvent {
        @Override
        public String aggregateId() {
            return testDriveId;
        }
    }

    @EventType("forecourt.sales.test-drive-completed.v1")
    public record TestDriveCompleted(String testDriveId, String carVin, String model, String customerId, String customerPhone,
                                     String leadId, String consultantId, int rating, boolean intendsToBuy, Instant completedAt)
            implements DomainEvent {
        @Override
        public String aggregateId() {
            return testDriveId;
        }
    }

    @EventType("forecourt.sales.test-drive-cancelled.v1")
    public record TestDriveCancelled(String testDriveId, String carVin, Instant slotStart, String customerId, String customerPhone,
                                     String leadId, Instant cancelledAt, String cancelledBy) implements DomainEvent {
        @Override
        public String aggregateId() {
            return testDriveId;
        }
    }
}
