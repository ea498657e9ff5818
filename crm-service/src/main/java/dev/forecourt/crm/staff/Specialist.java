package dev.forecourt.crm.staff;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A customer-service specialist as hr-service last described them. */
@Document("specialists")
public record Specialist(@Id String employeeId, String username, String name, boolean active) {
}
