package dev.forecourt.workshop.technician;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.NotFound;
import dev.forecourt.platform.errors.RuleViolated;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.store.ForecourtProperties;
import dev.forecourt.workshop.config.WorkshopProperties;

/**
 * The technicians' certificates (持证上岗): recorded by the workshop supervisor, checked at dispatch
 * for the skills the workshop lists as certified ({@code forecourt.workshop.certified-skills}).
 */
@Component
public class Certificates {

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final TechnicianRoster roster;
    private final WorkshopProperties workshop;
    private final ForecourtProperties properties;
    private final Clock clock;

    Certificates(MongoTemplate mongo, AggregateStore store, TechnicianRoster roster, WorkshopProperties workshop,
                 ForecourtProperties properties, Clock clock) {
        this.mongo = mongo;
        this.store = store;
        this.roster = roster;
        this.workshop = workshop;
        this.properties = properties;
        this.clock = clock;
    }

    /** Records (or renews) the technician's certificate for a skill. */
    public TechnicianCertificate record(String employeeId, String skill, String name, String number, LocalDate validUntil,
                                        Actor by) {
        if (roster.find(employeeId).isEmpty()) {
            throw new NotFound("Technician", employeeId);
        }
        String id = TechnicianCertificate.idOf(employeeId, skill);
        if (mongo.exists(query(where("_id").is(id)), TechnicianCertificate.class)) {
            return store.change(TechnicianCertificate.class, id, ExpectedVersion.ANY,
                    c -> c.renew(name, number, validUntil, by, clock.instant()));
        }
        try {
            return store.insert(TechnicianCertificate.record(employeeId, skill, name, number, validUntil, by, clock.instant()));
        } catch (DuplicateKeyException concurrent) {
            return store.change(TechnicianCertificate.class, id, ExpectedVersion.ANY,
                    c -> c.renew(name, number, validUntil, by, clock.instant()));
        }
    }

    public List<TechnicianCertificate> of(String employeeId) {
        return mongo.find(query(where("employeeId").is(employeeId)).with(Sort.by("skill")), TechnicianCertificate.class);
    }

    /** Whether work needing this skill may only go to a technician holding a valid certificate for it. */
    public boolean isCertified(String skill) {
        return skill != null && workshop.certifiedSkills().stream().anyMatch(s -> s.equalsIgnoreCase(skill));
    }

    /** Refuses the technician for a job needing a certified skill without a certificate valid today (422, naming it). */
    public void requireFor(Technician technician, String skill) {
        if (!isCertified(skill)) {
            return;
        }
        TechnicianCertificate certificate = mongo.findById(TechnicianCertificate.idOf(technician.employeeId(), skill),
                TechnicianCertificate.class);
        if (certificate == null) {
            throw new RuleViolated("certificate-missing", "No certificate",
                    technician.name() + " holds no certificate for " + skill.toLowerCase(Locale.ROOT)
                            + "; a job needing it goes only to a certified technician",
                    new FieldProblem("technicianId", "no certificate for " + skill));
        }
        certificate.requireValidOn(LocalDate.now(clock.withZone(properties.timeZone())), technician.name());
    }
}
