package dev.forecourt.crm.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.domain.Lifecycle;
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.InvalidValue;
import dev.forecourt.platform.events.outbox.OutboxAggregate;

/**
 * The store's single view of a customer (客户档案). Customers are identified across services by
 * their mobile number, so the id is derived from it ({@code cust-<mobile digits>}, the one customer
 * reference sales, workshop and CRM share): two events about the same new customer arriving
 * together collide on the id instead of creating two profiles.
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
    private boolean messageConsent;
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

    /** The shared customer reference: {@code cust-} and the mobile's digits. */
    public static final String ID_PREFIX = "cust-";

    public static String idFor(String phone) {
        return ID_PREFIX + normalisePhone(phone);
    }

    /** Mobile numbers are compared as digits only; a leading +86 / 86 country code is dropped. */
    public static String normalisePhone(String phone) {
        String digits = phone == null ? "" : phone.replaceAll("\\D", "");
        if (digits.length() == 13 && digits.startsWith("86")) {
            digits = digits.substring(2);
        }
        if (digits.length() < 6) {
            throw new InvalidValue("Not a phone number: " + phone, new FieldProblem("phone", "expected 6 to 15 digits"));
        }
        return digits;
    }

    /**
     * A customer learned from a sale or a repair. Consent to be called and to get service messages
     * is assumed: the follow-up call and the notices are part of the service the customer bought,
     * and staff withdraw consent when the customer asks.
     *
     * @param source what taught us the customer ({@code SALE}, {@code REPAIR}, …)
     */
    public static Customer learned(String storeId, String name, String phone, String source, Instant at) {
        return registered(storeId, name, phone, Contacts.none(), true, true, null, source, Actor.system("crm-service"), at);
    }

    /** A customer entered by staff (or learned from another service's event, see {@link #learned}). */
    public static Customer registered(String storeId, String name, String phone, Contacts contacts, boolean callConsent,
                                      boolean messageConsent, ClubMembership club, String source, Actor by, Instant at) {
        Customer customer = new Customer();
        customer.phone = normalisePhone(phone);
        customer.id = idFor(customer.phone);
        customer.storeId = storeId;
        customer.name = name;
        customer.contacts = contacts == null ? Contacts.none() : contacts;
        customer.callConsent = callConsent;
        customer.messageConsent = messageConsent;
        customer.consentChangedAt = at;
        customer.consentChangedBy = by.id();
        customer.club = club;
        customer.createdAt = at;
        customer.updatedAt = at;
        customer.raise(new CustomerRegistered(customer.id, name, customer.phone, source, callConsent, messageConsent,
                club == null ? null : club.level(), at, by.id()));
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

    /**
     * Applies a handover; returns false when it was already applied (redelivered event).
     *
     * @param countsAsVisit false for a free campaign visit, which does not keep a customer from becoming dormant
     * @param maintenance   true when a maintenance job was done: only that restarts the maintenance clock
     */
    public boolean recordRepair(RepairVisit visit, String brand, String model, LocalDate on, String producerCustomerId,
                                boolean countsAsVisit, boolean maintenance, Instant at) {
        if (repairs.stream().anyMatch(r -> r.repairOrderId().equals(visit.repairOrderId()))) {
            return false;
        }
        repairs.add(visit);
        OwnedVehicle existing = vehicle(visit.vin()).orElse(OwnedVehicle.unknown(visit.vin(), brand, model, visit.plate()));
        int km = visit.odometerKm() == null ? 0 : visit.odometerKm();
        OwnedVehicle visited = existing.visited(visit.plate(), on, km);
        OwnedVehicle now = maintenance ? visited.maintained(on, km) : visited;
        replaceVehicle(now);
        if (maintenance && !existing.firstMaintenanceDone() && on.equals(now.firstMaintenanceOn())) {
            raise(new FirstMaintenanceRecorded(id, phone, visit.vin(), now.model(), now.deliveredOn(), on, km, visit.repairOrderId()));
        }
        if (countsAsVisit) {
            visitedOn(on);
        }
        rememberExternalId("workshop:" + producerCustomerId);
        updatedAt = at;
        return true;
    }

    /**
     * Staff edit of the profile; the caller has checked the version the editor saw. Raises
     * CustomerChanged when name, contacts or club changed and CustomerConsentChanged when a consent did.
     *
     * @param newMessageConsent null keeps the current one
     */
    public void edit(String newName, Contacts newContacts, boolean newCallConsent, Boolean newMessageConsent,
                     ClubMembership newClub, Actor by, Instant at) {
        Contacts contactsNow = newContacts == null ? Contacts.none() : newContacts;
        List<String> changed = new ArrayList<>();
        if (!java.util.Objects.equals(name, newName)) {
            changed.add("name");
        }
        if (!java.util.Objects.equals(contacts, contactsNow)) {
            changed.add("contacts");
        }
        if (!java.util.Objects.equals(club, newClub)) {
            changed.add("club");
        }
        this.name = newName;
        this.contacts = contactsNow;
        this.club = newClub;
        boolean messageConsentNow = newMessageConsent == null ? messageConsent : newMessageConsent;
        if (newCallConsent != callConsent || messageConsentNow != messageConsent) {
            this.callConsent = newCallConsent;
            this.messageConsent = messageConsentNow;
            this.consentChangedAt = at;
            this.consentChangedBy = by.id();
            raise(new CustomerConsentChanged(id, phone, callConsent, messageConsent, at, by.id()));
        }
        if (!changed.isEmpty()) {
            raise(new CustomerChanged(id, name, phone, changed, club == null ? null : club.level(), at, by.id()));
        }
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
        status = Lifecycle.requireTransition(status, CustomerStatus.DORMANT);
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
            status = Lifecycle.requireTransition(status, CustomerStatus.ACTIVE);
            raise(new CustomerReactivated(id, phone, dormantSince, on));
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
    public boolean isMessageConsent() { return messageConsent; }
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
