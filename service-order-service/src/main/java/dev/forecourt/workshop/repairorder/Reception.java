package dev.forecourt.workshop.repairorder;

import java.time.Instant;

/** What the advisor records when the car arrives (接车问诊). */
public record Reception(Vehicle vehicle, Customer customer, int odometerInKm, String complaint, WalkAround walkAround,
                        Instant promisedAt, String appointmentId) {
}
