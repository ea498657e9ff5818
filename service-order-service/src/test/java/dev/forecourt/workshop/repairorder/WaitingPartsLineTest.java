package dev.forecourt.workshop.repairorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.Conflict;
import dev.forecourt.platform.money.Money;
import dev.forecourt.workshop.repairorder.RepairOrderEvents.PartsLineAdded;

/** A parts line that could not be reserved waits for the purchase order that covers it, and is reserved when its goods arrive. */
class WaitingPartsLineTest {

    static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
    static final Actor ADVISOR = new Actor("emp-advisor", "advisor", "王顾问", "service-advisor");
    static final Actor TECH = new Actor("emp-tech", "tech", "李师傅", "technician");
    static final Actor CASHIER = new Actor("emp-cashier", "cashier", "钱收银", "cashier");

    @Test
    void aWaitingLineShowsThePurchaseOrderAndItsArrivalAndALaterConfirmationReplacesAnOlderOne() {
        RepairOrder order = waitingOrder();
        assertThat(order.partsExpected("line-1", "PO2026000031", LocalDate.parse("2026-12-09"), NOW)).isTrue();
        assertThat(order.line("line-1").getExpectedArrival()).isEqualTo(LocalDate.parse("2026-12-09"));
        assertThat(order.partsExpected("line-1", "PO2026000031", LocalDate.parse("2026-12-09"), NOW)).isFalse(); // redelivered
        assertThat(order.partsExpected("line-1", "PO2026000040", LocalDate.parse("2026-12-07"), NOW.plusSeconds(60))).isTrue();
        // an older confirmation delivered late does not replace the newer one
        assertThat(order.partsExpected("line-1", "PO2026000031", LocalDate.parse("2026-12-09"), NOW.plusSeconds(30))).isFalse();
        assertThat(order.line("line-1").getPurchaseOrderNumber()).isEqualTo("PO2026000040");
        assertThat(order.line("line-1").getExpectedArrival()).isEqualTo(LocalDate.parse("2026-12-07"));
        assertThat(order.hasArrivedParts()).isFalse();
    }

    @Test
    void theArrivedGoodsReserveTheWaitingLineOnceAndTheAdvisorSeesThemUntilIssued() {
        RepairOrder order = waitingOrder();
        order.partsExpected("line-1", "PO2026000031", LocalDate.parse("2026-12-09"), NOW);
        assertThat(order.waitingPartsArrived("line-1", "res-arrived", "PO2026000031", NOW.plusSeconds(3600))).isTrue();
        PartsLine line = order.line("line-1");
        assertThat(line.getReservation()).isEqualTo(ReservationStatus.RESERVED);
        assertThat(line.getReservationId()).isEqualTo("res-arrived");
        assertThat(line.getAvailable()).isNull();
        assertThat(line.isOpen()).isTrue();
        assertThat(order.hasArrivedParts()).isTrue();

        assertThat(order.waitingPartsArrived("line-1", "res-other", "PO2026000031", NOW.plusSeconds(7200))).isFalse(); // redelivered
        // a confirmation arriving after the goods changes nothing
        assertThat(order.partsExpected("line-1", "PO2026000050", LocalDate.parse("2026-12-20"), NOW.plusSeconds(7200))).isFalse();
        assertThat(order.line("line-1").getReservationId()).isEqualTo("res-arrived");
        assertThat(order.line("line-1").getExpectedArrival()).isEqualTo(LocalDate.parse("2026-12-09"));

        order.partsIssued("line-1", "issue-1", 1, NOW);
        assertThat(order.hasArrivedParts()).isFalse();
    }

    @Test
    void aCarWhoseWaitingPartsArrivedCannotBeHandedOverBeforeTheyAreIssued() {
        RepairOrder order = waitingOrder();
        order.approveEstimate("signature", ADVISOR, NOW);
        order.dispatch("job-1", TECH, "B1", NOW);
        order.startJob("job-1", NOW);
        order.finishJob("job-1", new SelfCheck(true, "ok"), NOW);
        order.waitingPartsArrived("line-1", "res-arrived", null, NOW);
        order.qualityCheck(true, List.of(), ADVISOR, NOW);
        order.recordPayment("pay-1", PaymentMethod.CASH, order.outstanding(), CASHIER, NOW);
        assertThatThrownBy(() -> order.handOver(42010, true, ADVISOR, NOW))
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.type()).isEqualTo("parts-lines-open"));
    }

    @Test
    void goodsArrivingBeforeTheRefusalIsAppliedReserveTheLineWithTheRefusal() {
        RepairOrder order = open();
        order.addJob(new LabourOperation("BRK-01", "brake pads"), new BigDecimal("1.2"), PayType.CUSTOMER, null, null, NOW);
        order.addPartsLine("job-1", "5Q0698151", "front brake pads", 1, null);
        assertThat(order.waitingPartsArrived("line-1", "res-arrived", "PO2026000031", NOW)).isTrue();
        assertThat(order.line("line-1").getReservation()).isEqualTo(ReservationStatus.PENDING);

        order.partsInsufficient("line-1", 0, Money.cny("680.00"), NOW);
        assertThat(order.line("line-1").getReservation()).isEqualTo(ReservationStatus.RESERVED);
        assertThat(order.line("line-1").getReservationId()).isEqualTo("res-arrived");
        assertThat(order.newEvents()).filteredOn(PartsLineAdded.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((PartsLineAdded) e).reservationId()).isEqualTo("res-arrived"));
        assertThat(order.isPartsPending()).isFalse();
    }

    @Test
    void aRemovedOrReleasedLineIsNotReservedOnArrival() {
        RepairOrder order = waitingOrder();
        order.removePartsLine("line-1", "customer declined", NOW);
        assertThat(order.waitingPartsArrived("line-1", "res-arrived", null, NOW)).isFalse();
        assertThat(order.partsExpected("line-1", "PO2026000031", LocalDate.parse("2026-12-09"), NOW)).isFalse();

        RepairOrder released = waitingOrder();
        released.reservationReleased("line-1");
        assertThat(released.waitingPartsArrived("line-1", "res-arrived", null, NOW)).isFalse();
        assertThat(released.line("line-1").getReservation()).isEqualTo(ReservationStatus.RELEASED);
        assertThat(ReservationStatus.INSUFFICIENT.mayBecome(ReservationStatus.RESERVED)).isTrue();
        assertThat(ReservationStatus.REJECTED.mayBecome(ReservationStatus.RESERVED)).isFalse();
    }

    @Test
    void aReservationAnsweredAfterTheRefusalTakesTheWaitingLineWithoutASecondPartsLineAdded() {
        // the request thread applied parts-service's refusal; the retry job's concurrent request found stock a moment later
        RepairOrder order = waitingOrder();
        order.partsExpected("line-1", "PO2026000031", LocalDate.parse("2026-12-09"), NOW);
        PartsLine waiting = order.line("line-1");
        assertThat(waiting.awaitsAnswer()).isFalse();
        assertThat(waiting.takesReservation()).isTrue();

        order.partsReserved("line-1", "rsv-ro-1-line-1", Money.cny("680.00"), NOW.plusMillis(200));

        PartsLine line = order.line("line-1");
        assertThat(line.getReservation()).isEqualTo(ReservationStatus.RESERVED);
        assertThat(line.getReservationId()).isEqualTo("rsv-ro-1-line-1");
        assertThat(line.getAvailable()).isNull();
        assertThat(line.getPurchaseOrderNumber()).as("no longer waits for a purchase order").isNull();
        assertThat(line.getExpectedArrival()).isNull();
        assertThat(line.takesReservation()).isFalse();
        assertThat(order.isPartsPending()).isFalse();
        assertThat(order.newEvents()).filteredOn(PartsLineAdded.class::isInstance).hasSize(1);
    }

    @Test
    void aRemovedOrReleasedLineTakesNoAnswer() {
        RepairOrder order = waitingOrder();
        order.removePartsLine("line-1", "customer declined", NOW);
        assertThat(order.line("line-1").takesReservation()).isFalse();
        assertThat(order.line("line-1").awaitsAnswer()).isFalse();
        RepairOrder pending = open();
        pending.addPartsLine(null, "5Q0698151", "front brake pads", 1, null);
        assertThat(pending.line("line-1").awaitsAnswer()).isTrue();
        pending.reservationReleased("line-1");
        assertThat(pending.line("line-1").takesReservation()).isFalse();
    }

    private static RepairOrder waitingOrder() {
        RepairOrder order = open();
        order.addJob(new LabourOperation("BRK-01", "brake pads"), new BigDecimal("1.2"), PayType.CUSTOMER, null, null, NOW);
        order.addPartsLine("job-1", "5Q0698151", "front brake pads", 1, null);
        order.partsInsufficient("line-1", 0, Money.cny("680.00"), NOW);
        assertThat(order.line("line-1").getReservation()).isEqualTo(ReservationStatus.INSUFFICIENT);
        return order;
    }

    private static RepairOrder open() {
        return RepairOrder.open("ro-1", "RO2026000001", "store-001",
                new Reception(new Vehicle("LSVAB4BM9RN000002", "沪A12345", "Volkswagen", "Lavida"), Customer.of("张伟", "13800000001"),
                        42000, "刹车异响", new WalkAround("ok", "ok", "none"), NOW.plus(Duration.ofHours(4)), null),
                RepairOrderTest.ADVISOR, RepairOrderTest.TARIFF, null, NOW);
    }
}
