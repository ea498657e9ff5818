package dev.forecourt.workshop.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.test.Api;
import dev.forecourt.workshop.support.WorkshopIntegrationTest;

/** A slot never holds more than its capacity, however many advisors click at once. */
class AppointmentCapacityTest extends WorkshopIntegrationTest {

    @Test
    void concurrentBookingsOfOneAdvisorsSlotNeverExceedItsCapacity() throws Exception {
        String advisor = unique("advisor");
        Instant slot = randomSlot();
        List<Callable<Api.Response>> bookings = IntStream.range(0, 8)
                .<Callable<Api.Response>>mapToObj(i -> () -> book(advisor, slot, null, randomVin())).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Integer> statuses = pool.invokeAll(bookings).stream().map(AppointmentCapacityTest::status).toList();
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(2); // forecourt.workshop.advisor-slot-capacity
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(6);
        } finally {
            pool.shutdown();
        }
        Api.Response full = book(advisor, slot, null, randomVin());
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.at("/type")).endsWith("/slot-full");
    }

    @Test
    void aBayIsBookedOncePerSlotAndACancellationFreesIt() {
        Instant slot = randomSlot();
        Api.Response first = book(unique("advisor"), slot, "B2");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        Api.Response second = book(unique("advisor"), slot, "B2");
        assertThat(second.status()).isEqualTo(409);

        Api.Response cancelled = as(ADVISOR).post("/api/v1/appointments/" + first.at("/id") + "/cancel");
        assertThat(cancelled.at("/status")).isEqualTo("CANCELLED");
        assertThat(book(unique("advisor"), slot, "B2").status()).isEqualTo(201);

        Api.Response again = as(ADVISOR).post("/api/v1/appointments/" + first.at("/id") + "/confirm");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.at("/currentState")).isEqualTo("CANCELLED");
    }

    @Test
    void aNoShowIsRecordedOnlyOnceTheSlotHasBegunAndSlotsStartOnTheGrid() {
        Api.Response booked = book(unique("advisor"), randomSlot(), null);
        Api.Response early = as(ADVISOR).post("/api/v1/appointments/" + booked.at("/id") + "/no-show");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.at("/currentState")).isEqualTo("REQUESTED");

        Api.Response offGrid = book(unique("advisor"), randomSlot().plus(7, ChronoUnit.MINUTES), null);
        assertThat(offGrid.status()).isEqualTo(422);
        assertThat(offGrid.at("/type")).endsWith("/slot-not-aligned");

        Api.Response listed = as(ADVISOR).get("/api/v1/appointments?advisorId=" + booked.at("/advisor/employeeId"));
        assertThat(listed.json().get("total").asLong()).isEqualTo(1);
        assertThat(listed.at("/items/0/id")).isEqualTo(booked.at("/id"));
    }

    private Api.Response book(String advisorId, Instant slot, String bay) {
        return book(advisorId, slot, bay, "LFV3A23C0R3000001");
    }

    private Api.Response book(String advisorId, Instant slot, String bay, String vin) {
        return as(ADVISOR).post("/api/v1/appointments", """
                {"customer":{"name":"王强","phone":"13800000003"},
                 "vehicle":{"vin":"%s","plate":"沪C55555","brand":"Volkswagen","model":"Passat"},
                 "advisorId":"%s","advisorName":"顾问","slotStart":"%s"%s}
                """.formatted(vin, advisorId, slot, bay == null ? "" : ",\"bayId\":\"" + bay + "\""));
    }

    /** A VIN of its own per booking (one car holds one appointment per slot). */
    static String randomVin() {
        return "LFV3A23C" + String.format("%09d", ThreadLocalRandom.current().nextInt(0, 1_000_000_000));
    }

    /** A slot far in the future no other test uses. */
    private static Instant randomSlot() {
        return Instant.parse("2030-01-01T01:30:00Z").plus(ThreadLocalRandom.current().nextInt(0, 200_000) * 30L, ChronoUnit.MINUTES);
    }

    private static int status(Future<Api.Response> future) {
        try {
            return future.get().status();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
