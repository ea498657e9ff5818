package dev.forecourt.workshop.dispatch;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One technician or one bay taken by a job. The id is {@code technician:<id>} or {@code bay:<id>},
 * so the unique {@code _id} itself guarantees that neither is double-booked, even when two
 * supervisors dispatch at the same moment.
 */
@Document("workshop_occupancy")
public record Occupancy(@Id String id, String repairOrderId, String orderNumber, String plate, String jobId,
                       String operation, String technicianId, String technicianName, String bayId, Instant since) {

    static String technicianKey(String technicianId) {
        return "technician:" + technicianId;
    }

    static String bayKey(String bayId) {
        return "bay:" + bayId;
    }
}
