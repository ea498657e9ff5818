package dev.forecourt.hr.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.IllegalTransition;

class PositionTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private static final Actor HR = new Actor("emp-hr", "hr", "杨帆 Yang Fan", "hr-specialist");

    private static PositionDefinition definition(int headcount) {
        return new PositionDefinition("服务顾问", "Service advisor", "after-sales", "front-desk-supervisor", List.of("Receives customers"),
                new Qualifications("大专", 2, List.of("Vehicle technology"), List.of("Communication"), List.of()), headcount, null);
    }

    @Test
    void everyChangeIsARevisionWithItsEvent() {
        Position position = Position.create("service-advisor", "store-001", definition(4), HR, NOW);
        position.redefine(definition(5), HR, NOW.plusSeconds(60));

        assertThat(position.getRevision()).isEqualTo(2);
        assertThat(position.getRoleCode()).as("a position maps to its own role unless told otherwise").isEqualTo("service-advisor");
        assertThat(position.newEvents()).extracting(e -> ((PositionChanged) e).change(), e -> ((PositionChanged) e).revision(),
                e -> ((PositionChanged) e).headcount())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(PositionChanged.Change.CREATED, 1, 4),
                        org.assertj.core.groups.Tuple.tuple(PositionChanged.Change.UPDATED, 2, 5));
    }

    @Test
    void anAbolishedPositionCannotBeChanged() {
        Position position = Position.create("service-advisor", "store-001", definition(4), HR, NOW);
        position.abolish(HR, NOW);

        assertThatThrownBy(() -> position.redefine(definition(1), HR, NOW))
                .isInstanceOfSatisfying(IllegalTransition.class, e -> assertThat(e.properties()).containsEntry("currentState", "ABOLISHED"));
    }
}
