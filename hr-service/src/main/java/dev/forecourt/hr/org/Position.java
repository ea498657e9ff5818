package dev.forecourt.hr.org;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.EnumSet;
import java.util.Set;

import dev.forecourt.hr.org.PositionChanged.Change;
import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.domain.Lifecycle;
import dev.forecourt.platform.errors.IllegalTransition;
import dev.forecourt.platform.events.outbox.OutboxAggregate;

/**
 * A position (岗位) of the store's org chart. Its description is versioned: every change bumps the
 * revision and raises {@link PositionChanged}. Abolished positions stay on file (employees' history
 * and the outbox refer to them) but leave the catalogue and the org chart.
 */
@Document("positions")
public class Position extends OutboxAggregate {

    /** An active position may be abolished; an abolished one stays on file as it was. */
    public enum Status implements Lifecycle<Status> {
        ACTIVE, ABOLISHED;

        @Override
        public Set<Status> next() {
            return switch (this) {
                case ACTIVE -> EnumSet.of(ABOLISHED);
                case ABOLISHED -> EnumSet.noneOf(Status.class);
            };
        }
    }

    @Id
    private String code;
    private String storeId;
    private String titleZh;
    private String titleEn;
    private String departmentCode;
    private String reportsTo;
    private List<String> duties;
    private Qualifications qualifications;
    private int headcount;
    private String roleCode;
    private Status status;
    private int revision;
    private Instant changedAt;
    private String changedBy;
    private String changedById;

    protected Position() {
    }

    public static Position create(String code, String storeId, PositionDefinition definition, Actor by, Instant at) {
        Position position = new Position();
        position.code = code;
        position.storeId = storeId;
        position.status = Status.ACTIVE;
        position.apply(definition, by, at);
        position.raiseChanged(Change.CREATED);
        return position;
    }

    public void redefine(PositionDefinition definition, Actor by, Instant at) {
        requireActive();
        apply(definition, by, at);
        raiseChanged(Change.UPDATED);
    }

    public void abolish(Actor by, Instant at) {
        status = Lifecycle.requireTransition(status, Status.ABOLISHED, "Position " + code + " has been abolished already");
        revision++;
        record(by, at);
        raiseChanged(Change.ABOLISHED);
    }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }

    private void requireActive() {
        if (!isActive()) {
            throw new IllegalTransition("Position " + code + " has been abolished", status);
        }
    }

    private void apply(PositionDefinition d, Actor by, Instant at) {
        titleZh = d.titleZh();
        titleEn = d.titleEn();
        departmentCode = d.departmentCode();
        reportsTo = d.reportsTo();
        duties = d.duties();
        qualifications = d.qualifications();
        headcount = d.headcount();
        roleCode = d.roleCode() == null || d.roleCode().isBlank() ? code : d.roleCode();
        revision++;
        record(by, at);
    }

    private void record(Actor by, Instant at) {
        changedBy = by.username();
        changedById = by.id();
        changedAt = at;
    }

    private void raiseChanged(Change change) {
        raise(new PositionChanged(code, change, revision, titleZh, titleEn, departmentCode, reportsTo, headcount, roleCode,
                duties, changedBy, changedById, changedAt));
    }

    public String getCode() { return code; }
    public String getStoreId() { return storeId; }
    public String getTitleZh() { return titleZh; }
    public String getTitleEn() { return titleEn; }
    public String getDepartmentCode() { return departmentCode; }
    public String getReportsTo() { return reportsTo; }
    public List<String> getDuties() { return duties; }
    public Qualifications getQualifications() { return qualifications; }
    public int getHeadcount() { return headcount; }
    public String getRoleCode() { return roleCode; }
    public Status getStatus() { return status; }
    public int getRevision() { return revision; }
    public Instant getChangedAt() { return changedAt; }
    public String getChangedBy() { return changedBy; }
    public String getChangedById() { return changedById; }
}
