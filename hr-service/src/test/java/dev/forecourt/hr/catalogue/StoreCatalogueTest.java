package dev.forecourt.hr.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.forecourt.hr.org.OrgChartRules;
import dev.forecourt.hr.roles.PermissionCatalogue;
import tools.jackson.databind.json.JsonMapper;

/** The starting catalogue is data; these checks keep it a valid org chart with real job descriptions. */
class StoreCatalogueTest {

    private static StoreCatalogue catalogue() throws IOException {
        try (InputStream in = StoreCatalogueTest.class.getResourceAsStream(CatalogueSeeder.RESOURCE)) {
            return JsonMapper.builder().build().readValue(in, StoreCatalogue.class);
        }
    }

    @Test
    void theCatalogueHasEveryDepartmentAndAtLeast25PositionsWithJobDescriptions() throws IOException {
        StoreCatalogue catalogue = catalogue();

        assertThat(catalogue.departments()).extracting(StoreCatalogue.DepartmentEntry::code).containsExactlyInAnyOrder(
                "general-management", "sales", "after-sales", "parts", "customer-service", "marketing", "used-cars", "administration", "finance");
        assertThat(catalogue.positions()).hasSizeGreaterThanOrEqualTo(25);
        assertThat(catalogue.positions()).allSatisfy(p -> {
            assertThat(p.titleZh()).isNotBlank();
            assertThat(p.titleEn()).isNotBlank();
            assertThat(p.duties()).as(p.code()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(p.qualifications().education()).isNotBlank();
            assertThat(p.qualifications().knowledge()).isNotEmpty();
            assertThat(p.qualifications().abilities()).isNotEmpty();
            assertThat(p.headcount()).isPositive();
        });
        assertThat(catalogue.positions()).extracting(StoreCatalogue.PositionEntry::code).contains(
                "general-manager", "service-director", "sales-manager", "sales-consultant", "vehicle-stock-administrator", "service-advisor",
                "workshop-supervisor", "technician", "parts-manager", "parts-storekeeper", "parts-planner", "warranty-administrator",
                "customer-service-specialist", "csi-administrator", "hr-specialist");
    }

    @Test
    void eachPositionFitsTheOrgChartInTheOrderItIsSeeded() throws IOException {
        StoreCatalogue catalogue = catalogue();
        Set<String> departments = catalogue.departments().stream().map(StoreCatalogue.DepartmentEntry::code).collect(Collectors.toSet());
        Map<String, String> lines = new HashMap<>();
        for (StoreCatalogue.PositionEntry p : catalogue.positions()) {
            assertThat(new OrgChartRules(departments, lines).check(p.code(), p.definition())).as(p.code()).isEmpty();
            lines.put(p.code(), p.reportsTo());
        }
    }

    @Test
    void rolesGrantOnlyPermissionsThatServicesEnforce() throws IOException {
        assertThat(catalogue().positions()).allSatisfy(p -> {
            assertThat(p.allPermissions() || !p.permissions().isEmpty()).as(p.code() + " grants something").isTrue();
            assertThat(p.permissions()).as(p.code()).allMatch(PermissionCatalogue::exists);
        });
        assertThat(catalogue().positions()).filteredOn(StoreCatalogue.PositionEntry::allPermissions)
                .extracting(StoreCatalogue.PositionEntry::code).containsExactly("general-manager");
    }
}
