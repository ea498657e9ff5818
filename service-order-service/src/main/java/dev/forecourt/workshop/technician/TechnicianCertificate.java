package dev.forecourt.workshop.technician;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.InvalidValue;
import dev.forecourt.platform.errors.RuleViolated;
import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;
import dev.forecourt.platform.events.outbox.OutboxAggregate;

/**
 * A technician's certificate for a skill that may only be worked with one (持证上岗), e.g. the
 * high-voltage electrician's licence: its name, number and the last day it is valid. The workshop
 * supervisor records it and records it again when it is renewed. One per technician and skill.
 */
@Document("technician_certificates")
public class TechnicianCertificate extends OutboxAggregate {

    @Id
    private String id;
    @Indexed
    private String employeeId;
    private String skill;
    private String name;
    private String number;
    private LocalDate validUntil;
    private Actor recordedBy;
    private Instant recordedAt;

    TechnicianCertificate() {
    }

    public static String idOf(String employeeId, String skill) {
        return employeeId + ":" + skill.toLowerCase(Locale.ROOT);
    }

    public static TechnicianCertificate record(String employeeId, String skill, String name, String number, LocalDate validUntil,
                                               Actor by, Instant now) {
        TechnicianCertificate c = new TechnicianCertificate();
        c.id = idOf(employeeId, skill);
        c.employeeId = employeeId;
        c.skill = skill.toLowerCase(Locale.ROOT);
        c.renew(name, number, validUntil, by, now);
        return c;
    }

    /** The certificate was renewed (or corrected): the new name, number and validity replace the old ones. */
    public void renew(String name, String number, LocalDate validUntil, Actor by, Instant now) {
        if (name == null || name.isBlank() || number == null || number.isBlank() || validUntil == null) {
            throw new InvalidValue("A certificate needs its name, number and the last day it is valid",
                    new FieldProblem("name/number/validUntil", "required"));
        }
        this.name = name.strip();
        this.number = number.strip();
        this.validUntil = validUntil;
        this.recordedBy = by;
        this.recordedAt = now;
        raise(new TechnicianCertificateRecorded(employeeId, skill, this.name, this.number, validUntil, by.id(), now));
    }

    public boolean isValidOn(LocalDate day) {
        return !validUntil.isBefore(day);
    }

    /** Refuses work needing the skill on a day the certificate is no longer valid, naming the certificate. */
    public void requireValidOn(LocalDate day, String technicianName) {
        if (!isValidOn(day)) {
            throw new RuleViolated("certificate-lapsed", "Certificate lapsed",
                    technicianName + "'s certificate " + name + " (" + number + ") for " + skill + " lapsed on " + validUntil
                            + "; a job needing " + skill + " goes only to a technician with a valid certificate",
                    new FieldProblem("technicianId", "certificate " + name + " lapsed on " + validUntil))
                    .with("certificate", name).with("certificateNumber", number).with("validUntil", validUntil.toString());
        }
    }

    public String getId() { return id; }
    public String getEmployeeId() { return employeeId; }
    public String getSkill() { return skill; }
    public String getName() { return name; }
    public String getNumber() { return number; }
    public LocalDate getValidUntil() { return validUntil; }
    public Actor getRecordedBy() { return recordedBy; }
    public Instant getRecordedAt() { return recordedAt; }

    @EventType("forecourt.workshop.technician-certificate-recorded.v1")
    public record TechnicianCertificateRecorded(String employeeId, String skill, String name, String number, LocalDate validUntil,
                                                String recordedBy, Instant recordedAt) implements DomainEvent {
        @Override public String aggregateId() { return employeeId; }
    }
}
