package dev.forecourt.workshop.technician;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import dev.forecourt.platform.events.consume.HandlesEvent;
import dev.forecourt.platform.events.consume.IncomingEvent;

/** Keeps the technician roster from hr-service's employee events. */
@Component
public class TechnicianRoster {

    record EmployeeChanged(String employeeId, String username, String name, String positionCode, String departmentCode,
                           List<Technician.Skill> skills, Boolean active) {
    }

    record EmployeeLeft(String employeeId, String username, LocalDate leftOn) {
    }

    private final MongoTemplate mongo;

    TechnicianRoster(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<Technician> find(String employeeId) {
        return Optional.ofNullable(mongo.findById(employeeId, Technician.class));
    }

    public List<Technician> all() {
        return mongo.find(new Query().with(Sort.by("name", "employeeId")), Technician.class);
    }

    @HandlesEvent("forecourt.hr.employee-hired.v1")
    void hired(EmployeeChanged employee, IncomingEvent event) {
        apply(employee, event.time());
    }

    @HandlesEvent("forecourt.hr.employee-assigned.v1")
    void assigned(EmployeeChanged employee, IncomingEvent event) {
        apply(employee, event.time());
    }

    @HandlesEvent("forecourt.hr.employee-left.v1")
    void left(EmployeeLeft left, IncomingEvent event) {
        Optional<Technician> known = find(left.employeeId());
        if (known.isPresent() && isNewer(known.get(), event.time())) {
            Technician t = known.get();
            mongo.save(new Technician(t.employeeId(), t.username(), t.name(), t.positionCode(), t.skills(), false,
                    left.leftOn(), event.time()));
        }
    }

    /**
     * Only technicians are dispatched to, so someone moved to another position stays on the roster
     * as inactive. Saving by employee id makes a redelivered event harmless.
     */
    private void apply(EmployeeChanged employee, Instant at) {
        boolean technician = employee.positionCode() != null && employee.positionCode().contains("technician");
        Optional<Technician> known = find(employee.employeeId());
        if (!technician && known.isEmpty()) {
            return;
        }
        if (known.isPresent() && !isNewer(known.get(), at)) {
            return;
        }
        boolean active = technician && !Boolean.FALSE.equals(employee.active());
        mongo.save(new Technician(employee.employeeId(), employee.username(), employee.name(), employee.positionCode(),
                employee.skills() == null ? List.of() : employee.skills(), active, null, at));
    }

    private static boolean isNewer(Technician known, Instant at) {
        return known.asOf() == null || !at.isBefore(known.asOf());
    }
}
