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

import dev.forecourt.hr.org.Department;
import dev.forecourt.hr.org.Position;
import dev.forecourt.hr.org.Positions;
import dev.forecourt.hr.roles.PermissionCatalogue;
import dev.forecourt.hr.roles.Roles;
import dev.forecourt.platform.store.ForecourtProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * A new store starts with the dealership's standard org chart (DOMAIN.md): on a database without
 * positions, the catalogue is created through the same domain code as HR's own changes, so every
 * position passes the org chart rules and raises its PositionChanged event. This is the store's
 * starting configuration, not demo data: it is seeded in every deployment, and HR edits it from there.
 */
@Component
class CatalogueSeeder {

    static final String RESOURCE = "/dev/forecourt/hr/catalogue/store-catalogue.json";
    private static final Logger log = LoggerFactory.getLogger(CatalogueSeeder.class);
    private static final String SYSTEM = "system";
    private static final String STEP = "store-catalogue";

    private final MongoTemplate mongo;
    private final Positions positions;
    private final Roles roles;
    private final ForecourtProperties store;
    private final JsonMapper json;
    private final Clock clock;

    CatalogueSeeder(MongoTemplate mongo, Positions positions, Roles roles, ForecourtProperties store, JsonMapper json, Clock clock) {
        this.clock = clock;
        this.mongo = mongo;
        this.positions = positions;
        this.roles = roles;
        this.store = store;
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
            return;
        }
        StoreCatalogue catalogue = load();
        for (StoreCatalogue.DepartmentEntry d : catalogue.departments()) {
            if (mongo.findById(d.code(), Department.class) == null) {
                mongo.insert(new Department(d.code(), store.storeId(), d.nameZh(), d.nameEn()));
            }
        }
        for (StoreCatalogue.PositionEntry p : catalogue.positions()) {
            if (mongo.findById(p.code(), Position.class) == null) {
                positions.create(p.code(), p.definition(), SYSTEM);
            }
            List<String> permissions = p.allPermissions() ? PermissionCatalogue.ALL.stream().map(PermissionCatalogue.Permission::name).toList()
                    : p.permissions();
            roles.defineIfAbsent(p.code(), p.titleEn(), permissions, SYSTEM);
        }
        mongo.save(new SetupStep(STEP, clock.instant()));
        log.info("Store catalogue seeded: {} departments, {} positions", catalogue.departments().size(), catalogue.positions().size());
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
