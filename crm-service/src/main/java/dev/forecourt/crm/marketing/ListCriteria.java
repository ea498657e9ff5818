package dev.forecourt.crm.marketing;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Size;

/**
 * Who a store campaign invites; every criterion is optional and all given ones must hold. Customers who withdrew consent
 * to be called are never listed.
 *
 * @param models          owns a vehicle of one of these models (case-insensitive)
 * @param lastVisitBefore last visit (purchase or counted service visit) before this day: customers to win back
 * @param lastVisitAfter  last visit on or after this day: recent customers
 * @param clubMembersOnly only owners' club members
 */
public record ListCriteria(@Size(max = 20) List<@Size(min = 1, max = 60) String> models, LocalDate lastVisitBefore,
                           LocalDate lastVisitAfter, Boolean clubMembersOnly) {

    public List<String> modelsOrEmpty() {
        return models == null ? List.of() : models;
    }

    public boolean clubOnly() {
        return Boolean.TRUE.equals(clubMembersOnly);
    }
}
