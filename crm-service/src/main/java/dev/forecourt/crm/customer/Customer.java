package dev.forecourt.crm.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.forecourt.platform.events.outbox.OutboxAggregate;

/**
 * The store's single view of a customer (客户档案). Customers are identified across services by
 * their mobile number, so the id is derived from it: two events about the same new customer
 * arriving together collide on the id instead of creating two profiles.
 */
@Document("customers")
public class Customer extends OutboxAggregate {

    @Id
    private String id;
    private String storeId;
    private String name;
    private String phone;
    private Contacts contacts = Contacts.none();
    private boolean callConsent;
    private Instant consentChangedAt;
    private String consentChangedBy;
    private ClubMembership club;
    private List<OwnedVehicle> vehicles = new ArrayList<>();
    private List<Purchase> purchases = new ArrayList<>();
    private List<RepairVisit> repairs = new ArrayList<>();
    private List<String> externalIds = new ArrayList<>();
    private CustomerStatus status = CustomerStatus.ACTIVE;
    private LocalDate lastVisitOn;
    private LocalDate dormantSince;
    private ChurnReason churnReason;
    private Instant createdAt;
    private Instant updatedAt;

    public static String idFor(String phone) {
        return "customer-" + normalisePhone(phone);
    }

    /** Mobile numbers are compared as digits only; a leading +86 / 86 country code is dropped. */
    public static String normalisePhone(String phone) {
        String digits = phone == null ? "" : phone.replaceAll("\\D", "");
        if (digits.length() == 13 && digits.startsWith("86")) {
            digits = digits.substring(2);
        }
        if (digits.length() < 6) {
            throw new IllegalArgumentException("Not a phone number: " + phone);
        }
        return digits;
    }

    /**
     * A customer learned from a sale or a repair. Consent to be called is assumed: the follow-up
     * call is part of the service the customer bought, and staff withdraw it when the customer asks.
     */
    public static Customer learned(String storeId, String name, String phone, Instant at) {
        return registered(storeId, name, phone, Contacts.none(), true, "events", at);
    }

    /** A customer entered by staff. */
    public static Customer registered(String storeId, String name, String phone, Contacts contacts, boolean consent,
                                      String by, Instant at) {
        Customer customer = new Customer();
        customer.phone = normalisePhone(phone);
        customer.id = idFor(customer.phone);
        customer.storeId = storeId;
        customer.name = name;
        customer.contacts = contacts == null ? Contacts.none() : contacts;
        customer.callConsent = consent;
        customer.consentChangedAt = at;
        customer.consentChangedBy = by;
        customer.createdAt = at;
        customer.updatedAt = at;
        return customer;
    }

    /** Applies a delivery; returns false when it was already applied (redelivered event). */
    public boolean recordPurchase(Purchase purchase, int odometerKm, String producerCustomerId, Instant at) {
        if (purchases.stream().anyMatch(p -> p.salesOrderId().equals(purchase.salesOrderId()))) {
            return false;
        }
        purchases.add(purchase);
        OwnedVehicle existing = vehicle(purchase.vin()).orElse(
                OwnedVehicle.unknown(purchase.vin(), purchase.brand(), purchase.model(), null));
        replaceVehicle(existing.delivered(purchase.brand(), purchase.model(), purchase.deliveryDate(), odometerKm));
        visitedOn(purchase.deliveryDate());
        rememberExternalId("sales:" + producerCustomerId);
        updatedAt = at;
        return true;
    }

    /** Applies a handover; returns false when it was already applied (redelivered event). */
    public boolean recordRepair(RepairVisit visit, String brand, String model, LocalDate on, String producerCustomerId, Instant at) {
        if (repairs.stream().anyMatch(r -> r.repairOrderId().equals(visit.repairOrderId()))) {
            return false;
        }
        repairs.add(visit);
        OwnedVehicle existing = vehicle(visit.vin()).orElse(OwnedVehicle.unknown(visit.vin(), brand, model, visit.plate()));
        replaceVehicle(existing.visited(visit.plate(), on, visit.odometerKm() == null ? 0 : visit.odometerKm()));
        visitedOn(on);
        rememberExternalId("workshop:" + producerCustomerId);
        updatedAt = at;
        return true;
    }

    /** Staff edit of the profile; the caller has checked the version the editor saw. */
    public void edit(String newName, Contacts newContacts, boolean consent, ClubMembership newClub, String by, Instant at) {
        this.name = newName;
        this.contacts = newContacts == null ? Contacts.none() : newContacts;
        if (consent != callConsent) {
            this.callConsent = consent;
            this.consentChangedAt = at;
            this.consentChangedBy = by;
        }
        this.club = newClub;
        this.updatedAt = at;
    }

    /** True when the customer has not visited since {@code months} before {@code today} and is not dormant yet. */
    public boolean isDueForDormancy(LocalDate today, int months) {
        return status == CustomerStatus.ACTIVE && lastVisitOn != null && !lastVisitOn.isAfter(today.minusMonths(months));
    }

    public void markDormant(LocalDate today, Instant at) {
        if (status == CustomerStatus.DORMANT) {
            return;
        }
        status = CustomerStatus.DORMANT;
        dormantSince = today;
        churnReason = ChurnReason.UNKNOWN;
        updatedAt = at;
        raise(new CustomerMarkedDormant(id, name, phone, lastVisitOn, today, (int) ChronoUnit.MONTHS.between(lastVisitOn, today)));
    }

    /** What the reactivation call learned. */
    public void recordChurnReason(ChurnReason reason, Instant at) {
        if (status == CustomerStatus.DORMANT && reason != null) {
            churnReason = reason;
            updatedAt = at;
        }
    }

    private void visitedOn(LocalDate on) {
        if (lastVisitOn == null || on.isAfter(lastVisitOn)) {
            lastVisitOn = on;
        }
        if (status == CustomerStatus.DORMANT && !on.isBefore(dormantSince)) {
            // A dormant customer who comes back is active again; the reason they gave stays for the churn history.
            status = CustomerStatus.ACTIVE;
            dormantSince = null;
        }
    }

    private void replaceVehicle(OwnedVehicle vehicle) {
        vehicles.removeIf(v -> v.vin().equals(vehicle.vin()));
        vehicles.add(vehicle);
    }

    private void rememberExternalId(String externalId) {
        if (!externalIds.contains(externalId)) {
            externalIds.add(externalId);
        }
    }

    public Optional<OwnedVehicle> vehicle(String vin) {
        return vehicles.stream().filter(v -> v.vin().equals(vin)).findFirst();
    }

    public String getId() { return id; }
    public String getStoreId() { return storeId; }
    public String getName() { return name; }
    public String getPhone() { return phone; }
    public Contacts getContacts() { return contacts; }
    public boolean isCallConsent() { return callConsent; }
    public Instant getConsentChangedAt() { return consentChangedAt; }
    public String getConsentChangedBy() { return consentChangedBy; }
    public ClubMembership getClub() { return club; }
    public List<OwnedVehicle> getVehicles() { return List.copyOf(vehicles); }
    public List<Purchase> getPurchases() { return List.copyOf(purchases); }
    public List<RepairVisit> getRepairs() { return List.copyOf(repairs); }
    public List<String> getExternalIds() { return List.copyOf(externalIds); }
    public CustomerStatus getStatus() { return status; }
    public LocalDate getLastVisitOn() { return lastVisitOn; }
    public LocalDate getDormantSince() { return dormantSince; }
    public ChurnReason getChurnReason() { return churnReason; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
