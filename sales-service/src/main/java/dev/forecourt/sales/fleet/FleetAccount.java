package dev.forecourt.sales.fleet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.IllegalTransition;
import dev.forecourt.platform.errors.RuleViolated;
import dev.forecourt.platform.events.outbox.OutboxAggregate;

/**
 * A fleet customer (大客户): a company, government office or rental firm buying several cars, with
 * its contacts and its grade (A: key account, B: regular, C: occasional), looked after by an
 * account manager. Sales orders are linked to it; a closed account takes no new orders.
 */
@Document("fleet_accounts")
public class FleetAccount extends OutboxAggregate {

    public enum Sector { GOVERNMENT, ENTERPRISE, RENTAL, RIDE_HAILING, OTHER }

    public enum Grade { A, B, C }

    public enum Status { ACTIVE, CLOSED }

    /** A person at the customer the store deals with (business contact). */
    public record FleetContact(String name, String role, String phone, String email) {
    }

    /** What the account manager keeps about the account; replaced as a whole on change. */
    public record Details(String name, Sector sector, Grade grade, String creditCode, List<FleetContact> contacts, String accountManagerId,
                          String accountManagerName, String note) {
    }

    @Id
    private String id;
    private Details details;
    private Status status;
    private Instant openedAt;
    private String openedBy;
    private Instant changedAt;
    private String changedBy;
    private Instant closedAt;

    public static FleetAccount open(String id, Details details, Instant at, Actor by) {
        requireContact(details);
        FleetAccount account = new FleetAccount();
        account.id = id;
        account.details = details;
        account.status = Status.ACTIVE;
        account.openedAt = at;
        account.openedBy = by.id();
        account.raise(new FleetAccountEvents.FleetAccountOpened(id, details.name(), details.sector(), details.grade(),
                details.contacts().size(), details.accountManagerId(), at, by.id()));
        return account;
    }

    public void change(Details changed, Instant at, Actor by) {
        requireActive("changed");
        requireContact(changed);
        Grade before = details.grade();
        details = changed;
        changedAt = at;
        changedBy = by.id();
        raise(new FleetAccountEvents.FleetAccountChanged(id, changed.name(), changed.sector(), changed.grade(), before,
                changed.contacts().size(), changed.accountManagerId(), at, by.id()));
    }

    public void close(Instant at, Actor by) {
        requireActive("closed");
        status = Status.CLOSED;
        closedAt = at;
        changedBy = by.id();
        raise(new FleetAccountEvents.FleetAccountClosed(id, details.name(), at, by.id()));
    }

    /** A sales order may be linked only to an active account. */
    public void requireTakesOrders() {
        if (status != Status.ACTIVE) {
            throw new RuleViolated("fleet-account-closed", "Fleet account closed",
                    "Fleet account " + id + " (" + details.name() + ") is closed and takes no new orders",
                    new FieldProblem("fleetAccountId", "is a closed account"));
        }
    }

    private void requireActive(String step) {
        if (status != Status.ACTIVE) {
            throw new IllegalTransition("A closed fleet account is not " + step, status);
        }
    }

    private static void requireContact(Details details) {
        if (details.contacts() == null || details.contacts().isEmpty()) {
            throw new RuleViolated("fleet-contact-required", "Contact required", "A fleet account has at least one contact",
                    new FieldProblem("contacts", "must not be empty"));
        }
    }

    public String getId() { return id; }
    public Details getDetails() { return details; }
    public List<FleetContact> getContacts() { return details.contacts() == null ? List.of() : new ArrayList<>(details.contacts()); }
    public Status getStatus() { return status; }
    public Instant getOpenedAt() { return openedAt; }
    public String getOpenedBy() { return openedBy; }
    public Instant getChangedAt() { return changedAt; }
    public String getChangedBy() { return changedBy; }
    public Instant getClosedAt() { return closedAt; }
}
