package dev.forecourt.crm.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.forecourt.platform.web.Versioned;

/** A customer profile as the API shows it; answered with {@code ETag: "<version>"}. */
public record CustomerView(String id, String storeId, String name, String phone, Contacts contacts, boolean callConsent,
                           boolean messageConsent, Instant consentChangedAt, String consentChangedBy, ClubMembership club,
                           List<OwnedVehicle> vehicles, List<Purchase> purchases, List<RepairVisit> repairs,
                           List<String> externalIds, CustomerStatus status, LocalDate lastVisitOn, LocalDate dormantSince,
                           ChurnReason churnReason, Instant createdAt, Instant updatedAt, Long version) implements Versioned {

    public static CustomerView of(Customer c) {
        return new CustomerView(c.getId(), c.getStoreId(), c.getName(), c.getPhone(), c.getContacts(), c.isCallConsent(),
                c.isMessageConsent(), c.getConsentChangedAt(), c.getConsentChangedBy(), c.getClub(), c.getVehicles(),
                c.getPurchases(), c.getRepairs(), c.getExternalIds(), c.getStatus(), c.getLastVisitOn(), c.getDormantSince(),
                c.getChurnReason(), c.getCreatedAt(), c.getUpdatedAt(), c.getVersion());
    }
}
