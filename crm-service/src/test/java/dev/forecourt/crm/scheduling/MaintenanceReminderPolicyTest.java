package dev.forecourt.crm.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.forecourt.crm.config.CrmProperties;
import dev.forecourt.crm.scheduling.MaintenanceReminderPolicy.Basis;
import dev.forecourt.crm.scheduling.MaintenanceReminderPolicy.Kind;

class MaintenanceReminderPolicyTest {

    final MaintenanceReminderPolicy policy = new MaintenanceReminderPolicy(new CrmProperties.Maintenance(5000, 6, 10000, 12, 14, 1000,
            List.of(new CrmProperties.ModelMaintenance("ID.4 CROZZ", 10000, 12, 30000, 24)), List.of("MNT")));

    @Test
    void theFirstMaintenanceReminderComesFourteenDaysBeforeSixMonthsAfterDelivery() {
        var due = policy.next(Kind.FIRST, "Lavida", LocalDate.of(2026, 5, 10), 12, null);

        assertThat(due.dueOn()).isEqualTo(LocalDate.of(2026, 11, 10));
        assertThat(due.remindOn()).isEqualTo(LocalDate.of(2026, 10, 27));
        assertThat(due.dueAtKm()).isEqualTo(5012);
        assertThat(due.basis()).isEqualTo(Basis.TIME);
    }

    @Test
    void aHeavilyUsedVehicleIsRemindedByDistanceAThousandKilometresAhead() {
        // 100 km a day: 10,000 km after 100 days, the reminder at 9,000 km = day 90.
        var due = policy.next(Kind.SCHEDULED, "Passat", LocalDate.of(2026, 1, 1), 20000, 100.0);

        assertThat(due.basis()).isEqualTo(Basis.DISTANCE);
        assertThat(due.dueOn()).isEqualTo(LocalDate.of(2026, 4, 11));
        assertThat(due.remindOn()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(due.dueAtKm()).isEqualTo(30000);
    }

    @Test
    void anElectricModelUsesItsOwnIntervals() {
        var due = policy.next(Kind.SCHEDULED, "ID.4 CROZZ", LocalDate.of(2026, 1, 1), 8000, 20.0);

        assertThat(due.dueOn()).isEqualTo(LocalDate.of(2028, 1, 1));
        assertThat(due.dueAtKm()).isEqualTo(38000);
    }

    @Test
    void usageNeedsReadingsAtLeastAMonthApart() {
        assertThat(MaintenanceReminderPolicy.usage(LocalDate.of(2026, 1, 1), 0, LocalDate.of(2026, 1, 20), 900)).isNull();
        assertThat(MaintenanceReminderPolicy.usage(LocalDate.of(2026, 1, 1), 0, LocalDate.of(2026, 3, 2), 3000)).isEqualTo(50.0);
    }
}
