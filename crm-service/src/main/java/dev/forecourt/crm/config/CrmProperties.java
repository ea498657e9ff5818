package dev.forecourt.crm.config;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The customer-service rules a store may change (docs/domain.md, "Defaults a store can change").
 * The store's time zone is not here: it is {@code forecourt.time-zone} of the platform.
 *
 * @param callWindows               when customers may be called, local time of the store
 * @param callDays                  the days on which calls are made; Monday–Saturday by default (see docs/crm-service.md)
 * @param minimumCallTime           a window that has less than this left is not used any more
 * @param deliveryFollowUpDays      customer service's delivery check: deadline after VehicleDelivered (3, 100 % reached)
 * @param sevenDayCallDays          the consultant's 7-day call (7DC): deadline after VehicleDelivered; due after the check's deadline
 * @param serviceFollowUpDays       service follow-up deadline after RepairOrderHandedOver
 * @param verificationCallbackDays  complaint verification callback deadline after resolution
 * @param maxAttempts               attempts, each on a different day, before a task is "not reached"
 * @param dormantAfterMonths        no visit for this long makes a customer dormant
 * @param complaintResolutionDays   a complaint's due date after it is opened; overdue complaints are escalated
 * @param lowScoreThreshold         a questionnaire score at or below this (of 10) opens a complaint
 * @param csiTarget                 CSI target in percent
 * @param complaintRateTarget       complaint rate ceiling in percent
 * @param specialistPositions       position codes of customer-service specialists learned from hr events
 * @param specialistPool            a configured pool; when not empty it replaces the specialists learned from hr
 * @param insuranceRenewalDays      the insurance renewal call is due this many days before the policy expires (a policy
 *                                  recorded later than that is called about at once)
 * @param maintenance               maintenance intervals, with per-model exceptions
 * @param jobs                      how often the scheduled jobs run
 */
@ConfigurationProperties("forecourt.crm")
public record CrmProperties(
        @DefaultValue({"10:00-12:00", "15:00-18:00"}) List<String> callWindows,
        @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"}) Set<DayOfWeek> callDays,
        @DefaultValue("15m") Duration minimumCallTime,
        @DefaultValue("3") int deliveryFollowUpDays,
        @DefaultValue("7") int sevenDayCallDays,
        @DefaultValue("3") int serviceFollowUpDays,
        @DefaultValue("2") int verificationCallbackDays,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("24") int dormantAfterMonths,
        @DefaultValue("3") int complaintResolutionDays,
        @DefaultValue("5") int lowScoreThreshold,
        @DefaultValue("85") int csiTarget,
        @DefaultValue("1.0") double complaintRateTarget,
        @DefaultValue("customer-service-specialist") List<String> specialistPositions,
        @DefaultValue List<Specialist> specialistPool,
        @DefaultValue("60") int insuranceRenewalDays,
        @DefaultValue Maintenance maintenance,
        @DefaultValue Jobs jobs) {

    public CrmProperties {
        callDays = callDays == null || callDays.isEmpty() ? EnumSet.allOf(DayOfWeek.class) : EnumSet.copyOf(callDays);
    }

    /** A specialist of a configured pool. */
    public record Specialist(String employeeId, String name) {
    }

    /**
     * @param firstKm        first maintenance (首保) after delivery, by distance
     * @param firstMonths    first maintenance after delivery, by time
     * @param intervalKm     scheduled maintenance (定保) after the last visit, by distance
     * @param intervalMonths scheduled maintenance after the last visit, by time
     * @param reminderDays   remind this many days ahead
     * @param reminderKm     or this many km ahead, by the vehicle's average usage
     * @param models         per-model exceptions (e.g. electric models)
     * @param operationCodes labour operation codes (or their prefixes) of maintenance jobs: only a handover with such a
     *                       job records a maintenance and restarts the maintenance clock
     */
    public record Maintenance(
            @DefaultValue("5000") int firstKm,
            @DefaultValue("6") int firstMonths,
            @DefaultValue("10000") int intervalKm,
            @DefaultValue("12") int intervalMonths,
            @DefaultValue("14") int reminderDays,
            @DefaultValue("1000") int reminderKm,
            @DefaultValue List<ModelMaintenance> models,
            @DefaultValue("MNT") List<String> operationCodes) {

        /** True when the labour operation is a maintenance job (its code starts with one of {@code operationCodes}). */
        public boolean isMaintenance(String labourOperationCode) {
            return labourOperationCode != null && operationCodes.stream()
                    .anyMatch(prefix -> labourOperationCode.toUpperCase(java.util.Locale.ROOT).startsWith(prefix.toUpperCase(java.util.Locale.ROOT)));
        }

        /** The intervals that apply to a model. */
        public ModelMaintenance forModel(String model) {
            return models.stream().filter(m -> m.model().equalsIgnoreCase(model == null ? "" : model)).findFirst()
                    .orElse(new ModelMaintenance(model, firstKm, firstMonths, intervalKm, intervalMonths));
        }
    }

    public record ModelMaintenance(String model, int firstKm, int firstMonths, int intervalKm, int intervalMonths) {
    }

    /**
     * @param escalationInterval how often overdue complaints are looked for
     * @param dormancyCron       when dormant customers are looked for (store zone)
     * @param monthlyPackCron    when the monthly pack is frozen (the 3rd, store zone)
     */
    public record Jobs(
            @DefaultValue("5m") Duration escalationInterval,
            @DefaultValue("0 30 2 * * *") String dormancyCron,
            @DefaultValue("0 0 6 3 * *") String monthlyPackCron) {
    }

    public static LocalTime[] parseWindow(String window) {
        String[] parts = window.trim().split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("A call window looks like 10:00-12:00: " + window);
        }
        return new LocalTime[] {LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim())};
    }
}
