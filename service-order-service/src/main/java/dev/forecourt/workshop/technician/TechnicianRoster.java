package dev.forecourt.workshop.technician;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import dev.forecourt.platform.events.consume.HandlesEvent;
import dev.forecourt.platform.events.consume.IncomingEvent;
import dev.forecourt.platform.events.consume.LatestEventWins;

/**
 * Keeps the technician roster from hr-service's employee events. Events are applied with the
 * platform's latest-event-wins rule: an event older than the last one applied to that employee
 * changes nothing, so a late "hired" never brings back a technician who left.
 */
@Component
public class TechnicianRoster {

    static final String COLLECTION = "technicians";

    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record EmployeeChanged(String employeeId, String username, String name, String positionCode, String departmentCode,
                           List<HrSkill> skills, Boolean active) {
    }

    /** hr-service's skill: a code and a level 1–5. */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record HrSkill(String skill, Object level) {
    }

    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record EmployeeLeft(String employeeId, String username, LocalDate leftOn) {
    }

    private final MongoTemplate mongo;
    private final LatestEventWins latestEventWins;

    TechnicianRoster(MongoTemplate mongo, LatestEventWins latestEventWins) {
        this.mongo = mongo;
        this.latestEventWins = latestEventWins;
    }

    public Optional<Technician> find(String employeeId) {
        return Optional.ofNullable(mongo.findById(employeeId, Technician.class));
    }

    public List<Technician> all() {
        return mongo.find(new Query().with(Sort.by("name", "employeeId")), Technician.class);
    }

    @HandlesEvent("forecourt.hr.employee-hired.v1")
    void hired(EmployeeChanged employee, IncomingEvent event) {
        apply(employee, event);
    }

    @HandlesEvent("forecourt.hr.employee-assigned.v1")
    void assigned(EmployeeChanged employee, IncomingEvent event) {
        apply(employee, event);
    }

    @HandlesEvent("forecourt.hr.employee-left.v1")
    void left(EmployeeLeft left, IncomingEvent event) {
        if (find(left.employeeId()).isPresent()) {
            latestEventWins.apply(COLLECTION, left.employeeId(), event.time(),
                    new Update().set("active", false).set("leftOn", java.util.Date.from(left.leftOn().atStartOfDay(java.time.ZoneId.systemDefault()).toInstant())));
        }
    }

    /**
     * Only technicians are dispatched to, so someone moved to another position stays on the roster
     * as inactive; someone who never was a technician is not recorded.
     */
    private void apply(EmployeeChanged employee, IncomingEvent event) {
        boolean technician = employee.positionCode() != null && employee.positionCode().contains("technician");
        if (!technician && find(employee.employeeId()).isEmpty()) {
            return;
        }
        List<org.bson.Document> skills = employee.skills() == null ? List.of() : employee.skills().stream()
                .map(s -> new org.bson.Document("skill", s.skill()).append("level", s.level() == null ? null : String.valueOf(s.level())))
                .toList();
        latestEventWins.apply(COLLECTION, employee.employeeId(), event.time(), new Update()
                .set("username", employee.username()).set("name", employee.name()).set("positionCode", employee.positionCode())
                .set("skills", skills).set("active", technician && !Boolean.FALSE.equals(employee.active()))
                .unset("leftOn"));
    }
}
