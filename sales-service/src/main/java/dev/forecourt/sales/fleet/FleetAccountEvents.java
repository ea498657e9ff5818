package dev.forecourt.sales.fleet;

import java.time.Instant;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;

/** Facts about fleet accounts; the subject is the account id. Contacts' names and phones stay in sales-service. */
public final class FleetAccountEvents {

    private FleetAccountEvents() {
    }

    @EventType("forecourt.sales.fleet-account-opened.v1")
    public record FleetAccountOpened(String fleetAccountId, String name, FleetAccount.Sector sector, FleetAccount.Grade grade, int contacts,
                                     String accountManagerId, Instant openedAt, String openedBy) implements DomainEvent {
        @Override
        public String aggregateId() {
            return fleetAccountId;
        }
    }

    @EventType("forecourt.sales.fleet-account-changed.v1")
    public record FleetAccountChanged(String fleetAccountId, String name, FleetAccount.Sector sector, FleetAccount.Grade grade,
                                      FleetAccount.Grade previousGrade, int contacts, String accountManagerId, Instant changedAt,
                                      String changedBy) implements DomainEvent {
        @Override
        public String aggregateId() {
            return fleetAccountId;
        }
    }

    @EventType("forecourt.sales.fleet-account-closed.v1")
    public record FleetAccountClosed(String fleetAccountId, String name, Instant closedAt, String closedBy) implements DomainEvent {
        @Override
        public String aggregateId() {
            return fleetAccountId;
        }
    }
}
