package dev.forecourt.hr.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.forecourt.hr.roles.PermissionCatalogue;
import tools.jackson.databind.json.JsonMapper;

/** The positions' roles grant what their duties need (the mapping is written out in docs/hr-service.md). */
class DutiesAndPermissionsTest {

    private static Map<String, List<String>> grants() throws IOException {
        try (InputStream in = DutiesAndPermissionsTest.class.getResourceAsStream(CatalogueSeeder.RESOURCE)) {
            StoreCatalogue catalogue = JsonMapper.builder().build().readValue(in, StoreCatalogue.class);
            return catalogue.positions().stream().collect(Collectors.toMap(StoreCatalogue.PositionEntry::code,
                    p -> p.allPermissions() ? List.copyOf(PermissionCatalogue.NAMES) : p.permissions()));
        }
    }

    private static List<String> holders(Map<String, List<String>> grants, String permission) {
        return grants.entrySet().stream().filter(e -> e.getValue().contains(permission)).map(Map.Entry::getKey).toList();
    }

    @Test
    void serviceAdvisorsAndFrontDeskSupervisorsLogComplaints() throws IOException {
        assertThat(holders(grants(), "complaints:write")).contains("service-advisor", "front-desk-supervisor");
    }

    @Test
    void theSalesManagerAndTheShowroomSupervisorHandleSalesComplaints() throws IOException {
        Map<String, List<String>> grants = grants();
        assertThat(grants.get("sales-manager")).contains("complaints:read", "complaints:write");
        assertThat(grants.get("showroom-supervisor")).contains("complaints:read", "complaints:write");
    }

    @Test
    void theAfterSalesManagerAssignsAndResolvesComplaintsAndSignsTheDailyReport() throws IOException {
        assertThat(grants().get("after-sales-manager")).contains("complaints:read", "complaints:write", "complaints:resolve",
                "daily-reports:sign", "rework-requests:read", "rework-requests:write");
    }

    @Test
    void theCustomerServiceSpecialistReadsTheOrderBehindHerCall() throws IOException {
        assertThat(grants().get("customer-service-specialist")).contains("repair-orders:read", "sales-orders:read",
                "marketing-lists:read", "marketing-lists:write", "staff:read");
    }

    @Test
    void thoseWhoAssignWorkReadTheStaffDirectory() throws IOException {
        Map<String, List<String>> grants = grants();
        for (String position : List.of("customer-service-specialist", "service-advisor", "workshop-supervisor", "showroom-supervisor",
                "front-desk-supervisor", "after-sales-manager")) {
            assertThat(grants.get(position)).as(position).containsAnyOf("staff:read", "employees:read");
        }
        assertThat(grants.get("technician")).doesNotContain("staff:read", "employees:read");
    }

    @Test
    void theNewPermissionsOfTheServicesGoToThePositionsWhoseDutiesTheyAre() throws IOException {
        Map<String, List<String>> g = grants();
        assertThat(holders(g, "bills:write")).contains("service-advisor", "cashier");
        assertThat(g.get("service-director")).contains("service-targets:write", "campaigns:write", "claims:approve-goodwill");
        assertThat(g.get("warranty-administrator")).contains("campaigns:write");
        assertThat(holders(g, "purchase-orders:read")).contains("parts-planner", "parts-manager", "parts-storekeeper", "service-advisor");
        assertThat(holders(g, "purchase-orders:write")).contains("parts-planner");
        assertThat(holders(g, "purchase-orders:approve")).containsExactlyInAnyOrder("general-manager", "parts-manager");
        assertThat(holders(g, "suppliers:write")).contains("parts-planner", "parts-manager");
        assertThat(holders(g, "counter-sales:write")).contains("parts-storekeeper", "parts-manager");
        assertThat(g.get("sales-manager")).contains("sales-targets:write", "fleet-accounts:write", "sales-orders:refund");
        assertThat(g.get("showroom-supervisor")).contains("delivery-appointments:write");
        assertThat(g.get("sales-consultant")).contains("callbacks:perform");
    }

    @Test
    void recallsArePublishedByServiceManagementReadAtReceptionAndCertificatesRecordedByTheWorkshopSupervisor() throws IOException {
        Map<String, List<String>> g = grants();
        assertThat(holders(g, "campaigns:write")).containsExactlyInAnyOrder("general-manager", "service-director", "after-sales-manager",
                "warranty-administrator");
        assertThat(holders(g, "service-campaigns:read")).contains("service-advisor", "front-desk-supervisor", "workshop-supervisor",
                "warranty-administrator");
        assertThat(holders(g, "technicians:certify")).containsExactlyInAnyOrder("general-manager", "workshop-supervisor");
    }

    @Test
    void theSalesManagerOrdersCarsFromTheOemAndFinanceRemitsThePayment() throws IOException {
        Map<String, List<String>> g = grants();
        assertThat(holders(g, "vehicle-orders:approve")).containsExactlyInAnyOrder("general-manager", "sales-manager");
        assertThat(holders(g, "vehicle-orders:write")).containsExactlyInAnyOrder("general-manager", "sales-manager",
                "vehicle-stock-administrator");
        assertThat(holders(g, "vehicle-orders:read")).contains("finance-manager", "cashier", "vehicle-stock-administrator");
        assertThat(holders(g, "payment-requests:write")).containsExactlyInAnyOrder("general-manager", "finance-manager", "cashier");
        assertThat(holders(g, "fleet-accounts:write")).contains("sales-manager", "fleet-sales-supervisor");
        assertThat(holders(g, "sales-orders:refund")).contains("sales-manager", "cashier");
    }

    @Test
    void marketingBuildsItsActivationListsAndItRunsTheServers() throws IOException {
        Map<String, List<String>> g = grants();
        assertThat(g.get("marketing-director")).contains("marketing-lists:read", "marketing-lists:write");
        assertThat(g.get("marketing-specialist")).contains("marketing-lists:read", "marketing-lists:write");
        assertThat(holders(g, "operations:read")).containsExactlyInAnyOrder("general-manager", "it-administrator");
    }

    @Test
    void theShowroomSupervisorArrangesTheSevenDayCallsAndWatchesOverdueFollowUps() throws IOException {
        assertThat(grants().get("showroom-supervisor")).contains("callbacks:assign", "leads:supervise", "callbacks:read");
    }

    @Test
    void customerServiceReadsTheMessagesSentToCustomers() throws IOException {
        assertThat(holders(grants(), "customer-messages:read")).contains("customer-service-specialist", "customer-service-manager");
    }

    @Test
    void aRepairOrderDiscountIsApprovedAboveTheServiceAdvisor() throws IOException {
        assertThat(holders(grants(), "repair-orders:approve-discount")).contains("after-sales-manager", "front-desk-supervisor")
                .doesNotContain("service-advisor", "cashier");
    }

    @Test
    void onlyTheGeneralManagerHoldsSecurityAdminAndHeHoldsEveryPermission() throws IOException {
        Map<String, List<String>> grants = grants();
        assertThat(holders(grants, "security:admin")).containsExactly("general-manager");
        assertThat(grants.get("general-manager")).containsExactlyInAnyOrderElementsOf(PermissionCatalogue.NAMES);
        assertThat(grants.get("hr-specialist")).doesNotContain("security:admin");
    }

    @Test
    void thePositionsTheSeedsNameAreInTheCatalogue() throws IOException {
        assertThat(grants()).containsKeys("cashier", "service-director", "after-sales-manager", "showroom-supervisor",
                "front-desk-supervisor", "after-sales-assistant", "it-administrator");
    }
}
