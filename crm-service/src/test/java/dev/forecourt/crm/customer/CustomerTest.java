package dev.forecourt.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class CustomerTest {

    static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");

    static Purchase purchase(LocalDate on) {
        return new Purchase("so-1", "LSVAB4BM7RN000001", "Volkswagen", "Lavida", on, NOW, "c-1", "Consultant");
    }

    @Test
    void aCustomerIsIdentifiedByTheDigitsOfTheirMobile() {
        assertThat(Customer.idFor("+86 138-0000-0001")).isEqualTo("cust-13800000001");
        assertThat(Customer.idFor("13800000001")).isEqualTo("cust-13800000001");
    }

    @Test
    void aRedeliveredPurchaseOrRepairIsAppliedOnce() {
        Customer customer = Customer.learned("store-001", "张伟", "13800000001", "SALE", NOW);

        assertThat(customer.recordPurchase(purchase(LocalDate.of(2026, 5, 1)), 12, "s-cust-1", NOW)).isTrue();
        assertThat(customer.recordPurchase(purchase(LocalDate.of(2026, 5, 1)), 12, "s-cust-1", NOW)).isFalse();
        RepairVisit visit = new RepairVisit("ro-1", "RO-1", "LSVAB4BM7RN000001", "沪A12345", NOW, 6000, "a-1", "Advisor",
                List.of("CUSTOMER"), null);
        assertThat(customer.recordRepair(visit, "Volkswagen", "Lavida", LocalDate.of(2026, 11, 1), "w-cust-1", true, false, NOW)).isTrue();
        assertThat(customer.recordRepair(visit, "Volkswagen", "Lavida", LocalDate.of(2026, 11, 1), "w-cust-1", true, false, NOW)).isFalse();

        assertThat(customer.getPurchases()).hasSize(1);
        assertThat(customer.getRepairs()).hasSize(1);
        OwnedVehicle vehicle = customer.vehicle("LSVAB4BM7RN000001").orElseThrow();
        assertThat(vehicle.visits()).isEqualTo(1);
        assertThat(vehicle.plate()).isEqualTo("沪A12345");
        assertThat(vehicle.kmPerDay()).isCloseTo(5988 / 184.0, org.assertj.core.data.Offset.offset(0.001));
        assertThat(customer.getLastVisitOn()).isEqualTo(LocalDate.of(2026, 11, 1));
    }

    @Test
    void aCustomerWithoutAVisitFor24MonthsBecomesDormantAndAVisitReactivatesThem() {
        Customer customer = Customer.learned("store-001", "王强", "13800000003", "SALE", NOW);
        customer.recordPurchase(purchase(LocalDate.of(2024, 11, 23)), 10, "s-3", NOW);

        assertThat(customer.isDueForDormancy(LocalDate.of(2026, 11, 22), 24)).isFalse();
        assertThat(customer.isDueForDormancy(LocalDate.of(2026, 11, 23), 24)).isTrue();
        customer.markDormant(LocalDate.of(2026, 11, 23), NOW);
        assertThat(customer.newEvents()).last().isInstanceOfSatisfying(CustomerMarkedDormant.class,
                e -> assertThat(e.monthsWithoutVisit()).isEqualTo(24));

        customer.recordRepair(new RepairVisit("ro-9", "RO-9", "LSVAB4BM7RN000001", null, NOW, 30000, "a-1", "A", List.of(), null),
                "Volkswagen", "Lavida", LocalDate.of(2026, 12, 1), "w-3", true, false, NOW);
        assertThat(customer.getStatus()).isEqualTo(CustomerStatus.ACTIVE);
    }

    @Test
    void onlyAMaintenanceJobRecordsTheFirstMaintenanceAndAFreeVisitDoesNotCountAsAVisit() {
        Customer customer = Customer.learned("store-001", "张伟", "13800000001", "SALE", NOW);
        customer.recordPurchase(purchase(LocalDate.of(2026, 5, 1)), 12, "cust-13800000001", NOW);
        customer.recordRepair(new RepairVisit("ro-brakes", "RO-1", "LSVAB4BM7RN000001", null, NOW, 3000, "a-1", "A",
                List.of("CUSTOMER"), null), "Volkswagen", "Lavida", LocalDate.of(2026, 8, 1), "x", true, false, NOW);
        assertThat(customer.vehicle("LSVAB4BM7RN000001").orElseThrow().firstMaintenanceDone()).isFalse();
        assertThat(customer.getLastVisitOn()).isEqualTo(LocalDate.of(2026, 8, 1));

        customer.recordRepair(new RepairVisit("ro-campaign", "RO-2", "LSVAB4BM7RN000001", null, NOW, 3500, "a-1", "A",
                List.of("CUSTOMER"), null), "Volkswagen", "Lavida", LocalDate.of(2026, 9, 1), "x", false, false, NOW);
        assertThat(customer.getLastVisitOn()).as("a free campaign visit").isEqualTo(LocalDate.of(2026, 8, 1));

        customer.recordRepair(new RepairVisit("ro-first", "RO-3", "LSVAB4BM7RN000001", null, NOW, 5100, "a-1", "A",
                List.of("WARRANTY"), null), "Volkswagen", "Lavida", LocalDate.of(2026, 10, 1), "x", true, true, NOW);
        OwnedVehicle vehicle = customer.vehicle("LSVAB4BM7RN000001").orElseThrow();
        assertThat(vehicle.firstMaintenanceOn()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(vehicle.lastMaintenanceKm()).isEqualTo(5100);
        assertThat(customer.newEvents()).last().isInstanceOfSatisfying(FirstMaintenanceRecorded.class,
                e -> assertThat(e.repairOrderId()).isEqualTo("ro-first"));
    }

    @Test
    void maintenanceJobsAreKnownByTheirOperationCode() {
        var rules = new dev.forecourt.crm.config.CrmProperties.Maintenance(5000, 6, 10000, 12, 14, 1000, List.of(), List.of("MNT", "PM-"));
        assertThat(rules.isMaintenance("MNT-10K")).isTrue();
        assertThat(rules.isMaintenance("pm-first")).isTrue();
        assertThat(rules.isMaintenance("BRK-01")).isFalse();
        assertThat(rules.isMaintenance(null)).isFalse();
    }
}
