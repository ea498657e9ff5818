package dev.forecourt.hr.employees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.IllegalTransition;
import dev.forecourt.platform.errors.RuleViolated;

class EmployeeTest {

    private static final LocalDate HIRED = LocalDate.of(2024, 1, 2);
    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private static final Actor HR = new Actor("emp-hr", "hr", "杨帆 Yang Fan", "hr-specialist");

    private static Employee technician() {
        return Employee.hire("emp-1", "store-001", "chen", "陈浩", "technician", "after-sales",
                List.of(new Skill("engine", 3, null, null)), HIRED, "hash", HR, NOW);
    }

    @Test
    void hiringRaisesEmployeeHiredWithSkills() {
        Employee employee = technician();

        assertThat(employee.newEvents()).singleElement().isInstanceOfSatisfying(EmployeeHired.class, e -> {
            assertThat(e.positionCode()).isEqualTo("technician");
            assertThat(e.skills()).extracting(Skill::skill).containsExactly("engine");
            assertThat(e.active()).isTrue();
            assertThat(e.changedBy()).isEqualTo("hr");
            assertThat(e.changedAt()).isEqualTo(NOW);
        });
    }

    @Test
    void aTransferEndsTheCurrentAssignmentAndNamesThePreviousPosition() {
        Employee employee = technician();
        employee.assign("workshop-supervisor", "after-sales", LocalDate.of(2025, 5, 1), HR, NOW);

        assertThat(employee.getAssignments()).extracting(Employee.Assignment::positionCode, Employee.Assignment::to)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("technician", LocalDate.of(2025, 5, 1)),
                        org.assertj.core.groups.Tuple.tuple("workshop-supervisor", null));
        assertThat(employee.newEvents().get(1)).isInstanceOfSatisfying(EmployeeAssigned.class,
                e -> assertThat(e.previousPositionCode()).isEqualTo("technician"));
    }

    @Test
    void recordingASkillTwiceKeepsTheLaterLevel() {
        Employee employee = technician();
        employee.recordSkills(List.of(new Skill("engine", 2, null, null), new Skill("engine", 4, "技师", null)), HR, NOW);

        assertThat(employee.getSkills()).containsExactly(new Skill("engine", 4, "技师", null));
    }

    @Test
    void someoneWhoLeftCanNeitherLeaveAgainNorBeTransferred() {
        Employee employee = technician();
        employee.leave(LocalDate.of(2026, 1, 31), "contract ended", HR, NOW);

        assertThat(employee.isActive()).isFalse();
        assertThat(employee.newEvents().get(1)).isInstanceOf(EmployeeLeft.class);
        assertThatThrownBy(() -> employee.leave(LocalDate.of(2026, 2, 1), null, HR, NOW)).isInstanceOf(IllegalTransition.class);
        assertThatThrownBy(() -> employee.assign("parts-planner", "parts", LocalDate.of(2026, 2, 1), HR, NOW)).isInstanceOf(IllegalTransition.class);
    }

    @Test
    void nobodyLeavesBeforeTheyWereHired() {
        assertThatThrownBy(() -> technician().leave(HIRED.minusDays(1), null, HR, NOW))
                .isInstanceOfSatisfying(RuleViolated.class, e -> assertThat(e.type()).isEqualTo("left-before-hired"));
    }
}
