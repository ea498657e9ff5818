package dev.forecourt.crm.staff;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A customer-service specialist as hr-service last described them; {@code asOf} is the time of the event applied last. */
@Document(Specialist.COLLECTION)
public record Specialist(@Id String employeeId, String username, String name, boolean active, Instant asOf) {

    static final String COLLECTION = "specialists";
}
