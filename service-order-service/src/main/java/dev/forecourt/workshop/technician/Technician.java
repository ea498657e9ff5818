package dev.forecourt.workshop.technician;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A technician as hr-service last told us: the workshop's own copy of the roster, so dispatch
 * works while hr-service is down. {@code asOf} is the time of the event that last changed it, so
 * a late, older event cannot undo a newer one.
 */
@Document("technicians")
public record Technician(@Id String employeeId, String username, String name, String positionCode,
                         List<Skill> skills, boolean active, LocalDate leftOn, Instant asOf) {

    public record Skill(String skill, String level) {
    }

    public boolean has(String skill) {
        return skill == null || skills.stream().anyMatch(s -> s.skill().equalsIgnoreCase(skill));
    }
}
