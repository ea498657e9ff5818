package dev.forecourt.platform.security;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;

import dev.forecourt.platform.events.consume.HandlesEvent;
import dev.forecourt.platform.events.consume.IncomingEvent;

/**
 * Employees who left the store, from hr's {@code employee-left} events: their tokens (issued before
 * they left) are refused at once rather than when they expire, up to 15 minutes later. The list is
 * kept in the service's database, so every instance of the service (each event reaches one of
 * them) and a restarted one refuse the same tokens; each instance reloads it every few seconds.
 */
public class DepartedStaff {

    static final String COLLECTION = "departed_staff";

    record EmployeeLeft(String employeeId, String username) {
    }

    private final MongoTemplate mongo;
    private volatile Map<String, Instant> leftAt = Map.of();

    public DepartedStaff(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @HandlesEvent("forecourt.hr.employee-left.v1")
    void on(EmployeeLeft left, IncomingEvent event) {
        mongo.upsert(Query.query(Criteria.where("_id").is(left.employeeId())),
                new Update().set("username", left.username()).set("leftAt", Date.from(event.time())), COLLECTION);
        Map<String, Instant> updated = new ConcurrentHashMap<>(leftAt);
        updated.put(left.employeeId(), event.time());
        leftAt = updated;
    }

    /** Whether a token of this employee, issued at {@code issuedAt} (null: unknown), was issued before they left. */
    public boolean refuses(String employeeId, Instant issuedAt) {
        Instant left = leftAt.get(employeeId);
        return left != null && (issuedAt == null || !issuedAt.isAfter(left));
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${forecourt.security.departed-staff-refresh:5s}")
    void reload() {
        Map<String, Instant> loaded = new ConcurrentHashMap<>();
        for (Document departed : mongo.findAll(Document.class, COLLECTION)) {
            loaded.put(departed.getString("_id"), departed.getDate("leftAt").toInstant());
        }
        leftAt = loaded;
    }
}
