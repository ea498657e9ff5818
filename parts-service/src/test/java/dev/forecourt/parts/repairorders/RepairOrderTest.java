package dev.forecourt.parts.repairorders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.money.Money;

class RepairOrderTest {

    private static PartsLine line(String lineId, String partNumber) {
        return new PartsLine(lineId, partNumber, 2, Money.cny("68.00"), "CUSTOMER", Instant.EPOCH, false);
    }

    @Test
    void aLineLearntBeforeTheOpeningIsKeptWhenTheOpeningArrives() {
        RepairOrder order = RepairOrder.learnt("ro-1", "RO2026000006");
        order.lineAdded(line("L1", "06L115562B"));
        order.opened("RO2026000006", "LSVAB4BM7RN000001", "cust-13800000001", "13800000001", "emp-7", null, Instant.EPOCH);

        assertThat(order.isOpen()).isTrue();
        assertThat(order.line("L1")).isPresent();
        assertThat(order.linesOf("06L115562B")).hasSize(1);
    }

    @Test
    void aRedeliveredLineIsKeptOnceAndARemovedLineTakesNoIssues() {
        RepairOrder order = RepairOrder.learnt("ro-1", "RO2026000006");
        order.lineAdded(line("L1", "06L115562B"));
        order.lineAdded(line("L1", "06L115562B"));
        order.lineAdded(line("L2", "G052195M2"));
        order.lineRemoved("L1");

        assertThat(order.lines()).hasSize(2);
        assertThat(order.line("L1")).isEmpty();
        assertThat(order.linesOf("06L115562B")).isEmpty();
        assertThat(order.line("L2")).isPresent();
    }

    @Test
    void theFirstEndTheWorkshopAnnouncedStays() {
        RepairOrder order = RepairOrder.learnt("ro-1", "RO2026000006");
        order.handedOver(Instant.EPOCH);
        order.cancelled(Instant.EPOCH.plusSeconds(60));
        order.handedOver(Instant.EPOCH.plusSeconds(120));

        assertThat(order.getStatus()).isEqualTo(RepairOrderStatus.HANDED_OVER);
        assertThat(order.getClosedAt()).isEqualTo(Instant.EPOCH);
        assertThat(order.isOpen()).isFalse();
    }
}
