package dev.forecourt.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.forecourt.hr.roles.PermissionCatalogue;
import dev.forecourt.platform.security.SecurityConfiguration;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The permissions the services enforce and the ones hr can grant are one list. A permission a
 * controller checks but hr's catalogue lacks can be granted to nobody, not even the general
 * manager: the endpoint is dead for the store (this is how {@code service-campaigns:publish} was
 * once shipped). A catalogue permission no position of the store holds is a duty nobody can do.
 */
class PermissionCatalogueCoverageTest {

    private static final Pattern AUTHORITY = Pattern.compile("'([a-z-]+:[a-z-]+)'");
    private static final Map<String, Set<String>> ENFORCED = new TreeMap<>();

    @BeforeAll
    static void readControllers() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.forecourt.hr", "dev.forecourt.sales", "dev.forecourt.workshop", "dev.forecourt.parts",
                        "dev.forecourt.claims", "dev.forecourt.crm");
        classes.forEach(type -> {
            type.tryGetAnnotationOfType(PreAuthorize.class).ifPresent(rule -> record(rule, type.getSimpleName()));
            for (JavaMethod method : type.getMethods()) {
                method.tryGetAnnotationOfType(PreAuthorize.class).ifPresent(rule -> record(rule, type.getSimpleName() + "." + method.getName()));
            }
        });
    }

    private static void record(PreAuthorize rule, String where) {
        Matcher m = AUTHORITY.matcher(rule.value());
        while (m.find()) {
            ENFORCED.computeIfAbsent(m.group(1), p -> new TreeSet<>()).add(where);
        }
    }

    @Test
    void everyPermissionAControllerChecksCanBeGranted() {
        assertThat(ENFORCED).as("permissions found in @PreAuthorize").hasSizeGreaterThan(60);
        Map<String, Set<String>> unknown = new TreeMap<>(ENFORCED);
        unknown.keySet().removeAll(PermissionCatalogue.NAMES);
        assertThat(unknown).as("checked by a controller but missing from hr's PermissionCatalogue").isEmpty();
    }

    @Test
    void everyPermissionOfTheCatalogueIsCheckedAndHeldByAPositionOfTheStore() throws Exception {
        Set<String> held = new TreeSet<>();
        try (InputStream in = PermissionCatalogue.class.getResourceAsStream("/dev/forecourt/hr/catalogue/store-catalogue.json")) {
            JsonNode catalogue = new ObjectMapper().readTree(in);
            for (JsonNode position : catalogue.path("positions")) {
                position.path("permissions").forEach(p -> held.add(p.asText()));
            }
        }
        Set<String> neverChecked = new TreeSet<>(PermissionCatalogue.NAMES);
        neverChecked.removeAll(ENFORCED.keySet());
        neverChecked.remove(SecurityConfiguration.OPERATIONS); // checked on /actuator/** by every service and the gateway
        assertThat(neverChecked).as("in the catalogue but no controller checks it").isEmpty();

        Set<String> heldByNobody = new TreeSet<>(PermissionCatalogue.NAMES);
        heldByNobody.removeAll(held);
        // the general manager's alone by design: changing what a role may do, or acting on an administrator, is not HR's
        // duty (separation of duties, docs/hr-service.md)
        heldByNobody.remove("security:admin");
        assertThat(heldByNobody).as("no position of the store catalogue holds it (only the general manager, who holds all)").isEmpty();
    }
}
