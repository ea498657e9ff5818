package dev.forecourt.workshop.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;
import dev.forecourt.workshop.repairorder.RepairOrderStatus;
import dev.forecourt.workshop.repairorder.RepairOrders;
import dev.forecourt.workshop.support.WorkshopIntegrationTest;

/**
 * The demo seeding, called directly (the test stack turns forecourt.demo-data off and the shared
 * database is not empty): its two orders wait for a technician and are handed over once hr-service
 * has announced one, so claims and CRM receive their events.
 */
class DemoDataTest extends WorkshopIntegrationTest {

    @Autowired
    DemoData demo;

    @Autowired
    RepairOrders orders;

    @Test
    void theDemoOrdersAreHandedOverOnceATechnicianIsKnown() {
        List<String> toHandOver = demo.seed();
        assertThat(toHandOver).hasSize(2);

        hireTechnician(unique("demo-tech"), "engine", "electrical", "maintenance");
        demo.handOverWhenATechnicianIsKnown();

        assertThat(toHandOver).allSatisfy(id -> assertThat(orders.get(id).getStatus()).isEqualTo(RepairOrderStatus.HANDED_OVER));
        // the warranty car's road service (外出服务) is on record, back with 36 km
        var trips = as(FOREMAN).get("/api/v1/road-service-orders?vin=LSVAB4BM7RN000001");
        assertThat(trips.at("/items/0/drivenKm")).isEqualTo("36");
        // this month's targets are set, so the KPI report measures against them
        var kpis = as(DIRECTOR).get("/api/v1/workshop-reports/kpis?month="
                + java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")));
        assertThat(kpis.at("/targetSet")).isEqualTo("true");
        assertThat(kpis.json().at("/repairOrders/target").asInt()).isEqualTo(400);
        try (EventProbe probe = EventProbe.on("forecourt.workshop.events")) {
            var warranty = probe.await("forecourt.workshop.warranty-job-completed.v1", toHandOver.get(0));
            EventSchemas.assertValid(warranty);
            assertThat(warranty.data().get("causalPartNumber").asString()).isEqualTo("04E905612C");
            var customerPaid = probe.await("forecourt.workshop.repair-order-handed-over.v1", toHandOver.get(1));
            EventSchemas.assertValid(customerPaid);
            assertThat(customerPaid.data().get("customerPhone").asString()).isEqualTo("13800000005");
            assertThat(customerPaid.data().get("payTypes").toString()).isEqualTo("[\"CUSTOMER\"]");
        }
    }
}
