package dev.forecourt.workshop.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;
import dev.forecourt.workshop.support.WorkshopIntegrationTest;

class OneCarOneSlotTest extends WorkshopIntegrationTest {

    @Test
    void oneCarCannotHoldOverlappingAppointmentsEvenInAnotherBay() {
        String vin = AppointmentCapacityTest.randomVin();
        Instant slot = Instant.parse("2032-01-01T01:30:00Z").plus(ThreadLocalRandom.current().nextInt(0, 100_000) * 30L, ChronoUnit.MINUTES);
        Api.Response first = book(vin, slot, "B1");
        assertThat(first.status()).as(first.body()).isEqualTo(201);

        Api.Response otherBay = book(vin, slot, "B3");
        assertThat(otherBay.status()).isEqualTo(409);
        assertThat(otherBay.at("/type")).endsWith("/vehicle-already-booked");
        assertThat(otherBay.at("/appointmentId")).isEqualTo(first.at("/id"));
        assertThat(book(vin, slot, null).status()).isEqualTo(409);
        // the failed attempts took nothing: bay B3 is still free in that slot for another car
        assertThat(book(AppointmentCapacityTest.randomVin(), slot, "B3").status()).isEqualTo(201);

        assertThat(book(vin, slot.plus(30, ChronoUnit.MINUTES), "B3").status()).isEqualTo(201); // the next slot is fine
        assertThat(as(ADVISOR).post("/api/v1/appointments/" + first.at("/id") + "/confirm").status()).isEqualTo(200);
        assertThat(as(ADVISOR).post("/api/v1/appointments/" + first.at("/id") + "/cancel").status()).isEqualTo(200);
        assertThat(book(vin, slot, "B2").status()).isEqualTo(201); // a cancelled appointment frees the car's slot

        try (EventProbe probe = EventProbe.on("forecourt.workshop.events")) {
            var confirmed = probe.await("forecourt.workshop.appointment-confirmed.v1", first.at("/id"));
            EventSchemas.assertValid(confirmed);
            var cancelled = probe.await("forecourt.workshop.appointment-cancelled.v1", first.at("/id"));
            EventSchemas.assertValid(cancelled);
            assertThat(cancelled.data().get("customerId").asString()).isEqualTo("cust-13800000003");
        }
    }

    private Api.Response book(String vin, Instant slot, String bay) {
        return as(ADVISOR).post("/api/v1/appointments", """
                {"customer":{"name":"王强","phone":"13800000003"},
                 "vehicle":{"vin":"%s","plate":"沪C55555","brand":"Volkswagen","model":"Passat"},
                 "advisorId":"%s","advisorName":"顾问","slotStart":"%s"%s}
                """.formatted(vin, unique("advisor"), slot, bay == null ? "" : ",\"bayId\":\"" + bay + "\""));
    }
}
