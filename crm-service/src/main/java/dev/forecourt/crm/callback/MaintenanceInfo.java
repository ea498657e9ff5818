package dev.forecourt.crm.callback;

import java.time.LocalDate;

import dev.forecourt.crm.scheduling.MaintenanceReminderPolicy;

/** What a maintenance reminder is about: which maintenance, due when or at which reading. */
public record MaintenanceInfo(MaintenanceReminderPolicy.Kind kind, LocalDate dueOn, Integer dueAtKm,
                              MaintenanceReminderPolicy.Basis basis) {

    public static MaintenanceInfo of(MaintenanceReminderPolicy.MaintenanceDue due) {
        return new MaintenanceInfo(due.kind(), due.dueOn(), due.dueAtKm(), due.basis());
    }
}
