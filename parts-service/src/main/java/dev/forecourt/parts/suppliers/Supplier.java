package dev.forecourt.parts.suppliers;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.RuleViolated;
import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;
import dev.forecourt.platform.events.outbox.OutboxAggregate;

/**
 * Where the store buys parts: the OEM parts centre (genuine parts, ordered through its system) or a
 * local supplier (ordered by phone or mail). Its performance is computed from the receipts.
 */
@Document("suppliers")
public class Supplier extends OutboxAggregate {

    public enum Kind { OEM_PARTS_CENTRE, LOCAL }

    /** What the parts manager enters about a supplier. */
    public record Details(String name, Kind kind, int leadTimeDays, boolean genuineOem, String contact) {
    }

    @EventType("forecourt.parts.supplier-registered.v1")
    public record SupplierRegistered(String supplierId, String name, Kind kind, int leadTimeDays, boolean genuineOem, String registeredBy,
                                     Instant registeredAt) implements DomainEvent {
        @Override
        public String aggregateId() {
            return supplierId;
        }
    }

    @EventType("forecourt.parts.supplier-changed.v1")
    public record SupplierChanged(String supplierId, String name, Kind kind, int leadTimeDays, boolean genuineOem, String changedBy,
                                  Instant changedAt) implements DomainEvent {
        @Override
        public String aggregateId() {
            return supplierId;
        }
    }

    @Id
    private String id;
    private String storeId;
    private String name;
    private Kind kind;
    private int leadTimeDays;
    private boolean genuineOem;
    private String contact;
    private Instant registeredAt;

    static Supplier register(String id, String storeId, Details details, Actor by, Instant at) {
        Supplier supplier = new Supplier();
        supplier.id = id;
        supplier.storeId = storeId;
        supplier.registeredAt = at;
        supplier.apply(details);
        supplier.raise(new SupplierRegistered(id, details.name(), details.kind(), details.leadTimeDays(), supplier.genuineOem,
                by.username(), at));
        return supplier;
    }

    void change(Details details, Actor by, Instant at) {
        apply(details);
        raise(new SupplierChanged(id, name, kind, leadTimeDays, genuineOem, by.username(), at));
    }

    /** The OEM parts centre delivers genuine parts only; saying otherwise is a mistake, not a choice. */
    private void apply(Details details) {
        if (details.kind() == Kind.OEM_PARTS_CENTRE && !details.genuineOem()) {
            throw new RuleViolated("supplier-invalid", "The OEM parts centre delivers genuine parts",
                    "An OEM parts centre is a genuine OEM supplier", new FieldProblem("genuineOem", "must be true for OEM_PARTS_CENTRE"));
        }
        name = details.name();
        kind = details.kind();
        leadTimeDays = details.leadTimeDays();
        genuineOem = details.genuineOem();
        contact = details.contact();
    }

    public boolean isOemPartsCentre() {
        return kind == Kind.OEM_PARTS_CENTRE;
    }

    public String getId() { return id; }
    public String getName() { return name; }
    public Kind getKind() { return kind; }
    public int getLeadTimeDays() { return leadTimeDays; }
    public boolean isGenuineOem() { return genuineOem; }
    public String getContact() { return contact; }
    public Instant getRegisteredAt() { return registeredAt; }
}
