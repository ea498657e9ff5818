package dev.forecourt.hr.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

import dev.forecourt.hr.org.Departments;
import dev.forecourt.hr.org.Positions;
import dev.forecourt.hr.roles.PermissionCatalogue;
import dev.forecourt.hr.roles.Roles;
import dev.forecourt.platform.domain.Actor;
import tools.jackson.databind.json.JsonMapper;

/**
 * A new store starts with the dealership's standard org chart (docs/domain.md): on a database without
 * positions, the catalogue is created through the same domain code as HR's own changes, so every
 * position passes the org chart rules and raises its PositionChanged event. This is the store's
 * starting configuration, not demo data: it is seeded in every deployment, and HR edits it from there.
 */
@Component
class CatalogueSeeder {

    static final String RESOURCE = "/dev/forecourt/hr/catalogue/store-catalogue.json";
    private static final Logger log = LoggerFactory.getLogger(CatalogueSeeder.class);
    private static final Actor SYSTEM = Actor.system("system");
    private static final String STEP = "store-catalogue";
    /**
     * The catalogue's current revision: a store seeded before it gets the new positions and, once, the
     * permissions the catalogue grants that its roles lack. Nothing is revoked. Revision 2 brought new
     * positions and the services' new permissions, duties checked against the job descriptions;
     * revision 3 recalls and service campaigns, technicians' certificates, marketing's own lists and
     * the IT administrator's operations:read. Bump it whenever store-catalogue.json grants more.
     */
    static final String REVISION = "store-catalogue-revision-3";

    private final MongoTemplate mongo;
    private final Departments departments;
    private final Positions positions;
    private final Roles roles;
    private final JsonMapper json;
    private final Clock clock;

    CatalogueSeeder(MongoTemplate mongo, Departments departments, Positions positions, Roles roles, JsonMapper json, Clock clock) {
        this.clock = clock;
        this.mongo = mongo;
        this.departments = departments;
        this.positions = positions;
        this.roles = roles;
        this.json = json;
    }

    /** Marks a completed seeding; until it exists, a restart completes an interrupted one. */
    @Document("hr_setup")
    record SetupStep(@Id String step, Instant completedAt) {
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void seedOnce() {
        if (mongo.findById(STEP, SetupStep.class) != null) {
            upgradeOnce();
            return;
        }
        StoreCatalogue catalogue = load();
        for (StoreCatalogue.DepartmentEntry d : catalogue.departments()) {
            if (!departments.exists(d.code())) {
                departments.create(d.code(), d.nameZh(), d.nameEn(), SYSTEM);
            }
        }
        for (StoreCatalogue.PositionEntry p : catalogue.positions()) {
            if (positions.find(p.code()).isEmpty()) {
                positions.create(p.code(), p.definition(), SYSTEM);
            }
            List<String> permissions = p.allPermissions() ? PermissionCatalogue.ALL.stream().map(PermissionCatalogue.Permission::name).toList()
                    : p.permissions();
            roles.defineIfAbsent(p.code(), p.titleEn(), permissions, SYSTEM);
        }
        mongo.save(new SetupStep(STEP, clock.instant()));
        mongo.save(new SetupStep(REVISION, clock.instant()));
        log.info("Store catalogue seeded: {} departments, {} positions", catalogue.departments().size(), catalogue.positions().size());
    }

    /** Brings a store seeded with an earlier revision of the catalogue up to this one (see {@link #REVISION}). */
    void upgradeOnce() {
        if (mongo.findById(REVISION, SetupStep.class) != null) {
            return;
        }
        StoreCatalogue catalogue = load();
        int added = 0;
        int widened = 0;
        for (StoreCatalogue.PositionEntry p : catalogue.positions()) {
            if (positions.find(p.code()).isEmpty()) {
                positions.create(p.code(), p.definition(), SYSTEM);
                added++;
            }
            List<String> permissions = p.allPermissions() ? PermissionCatalogue.ALL.stream().map(PermissionCatalogue.Permission::name).toList()
                    : p.permissions();
            if (roles.find(p.code()).isEmpty()) {
                roles.defineIfAbsent(p.code(), p.titleEn(), permissions, SYSTEM);
            } else if (roles.grantMissing(p.code(), permissions, SYSTEM)) {
                widened++;
            }
        }
        mongo.save(new SetupStep(REVISION, clock.instant()));
        log.info("Store catalogue upgraded to {}: {} positions added, {} roles given new permissions", REVISION, added, widened);
    }

    StoreCatalogue load() {
        try (InputStream in = CatalogueSeeder.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return json.readValue(in, StoreCatalogue.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
