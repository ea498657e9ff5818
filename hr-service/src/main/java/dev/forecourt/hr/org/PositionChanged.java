package dev.forecourt.hr.org;

import java.time.Instant;
import java.util.List;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;

/**
 * A position was created, its description changed, or it was abolished. Carries the position as it
 * now stands, so a consumer never needs to call back.
 *
 * @param revision  1 for a new position, +1 for each change
 * @param changedBy   username of the employee who made the change ({@code system} for the catalogue)
 * @param changedById their employee id ({@code system} for the catalogue)
 * @param changedAt   when
 */
@EventType("forecourt.hr.position-changed.v1")
public record PositionChanged(String positionCode, Change change, int revision, String titleZh, String titleEn,
                              String departmentCode, String reportsTo, int headcount, String roleCode,
                              List<String> duties, String changedBy, String changedById, Instant changedAt) implements DomainEvent {

    public enum Change { CREATED, UPDATED, ABOLISHED }

    @Override
    public String aggregateId() {
        return positionCode;
    }
}
