package dev.forecourt.workshop.reception;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.test.Api;
import dev.forecourt.workshop.support.WorkshopIntegrationTest;

/**
 * Repair orders and appointments are versioned: a GET answers {@code ETag}, every step accepts
 * {@code If-Match}; a stale one answers 409 version-conflict and changes nothing, the current one
 * answers 2xx with the next ETag.
 */
class VersionedResourcesTest extends WorkshopIntegrationTest {

    @Test
    void aStepOnARepairOrderReadAtAStaleVersionIsRefusedAndTheCurrentVersionIsAccepted() {
        String id = openWalkIn("LSVAB4BM9RN000002", false);
        Api.Response read = as(ADVISOR).get("/api/v1/repair-orders/" + id);
        String etag = read.header("ETag");
        assertThat(etag).matches("\"\\d+\"");

        Api.Response extra = as(ADVISOR).header("If-Match", etag).post("/api/v1/repair-orders/" + id + "/jobs", """
                {"labourOperationCode":"MNT-10K","description":"10,000 km service","hours":1.0,"payType":"CUSTOMER"}""");
        assertThat(extra.status()).as(extra.body()).isEqualTo(201);
        String next = extra.header("ETag");
        assertThat(next).isNotNull().isNotEqualTo(etag);

        Api.Response stale = as(ADVISOR).header("If-Match", etag)
                .post("/api/v1/repair-orders/" + id + "/approve-estimate", "{\"approvedVia\":\"signature\"}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.at("/type")).endsWith("/version-conflict");
        assertThat(stale.header("ETag")).isEqualTo(next);
        assertThat(as(ADVISOR).get("/api/v1/repair-orders/" + id).at("/status")).isEqualTo("OPEN");

        Api.Response current = as(ADVISOR).header("If-Match", next)
                .post("/api/v1/repair-orders/" + id + "/approve-estimate", "{\"approvedVia\":\"signature\"}");
        assertThat(current.status()).isEqualTo(200);
        assertThat(current.at("/status")).isEqualTo("IN_WORK");
        assertThat(current.header("ETag")).isNotEqualTo(next).isEqualTo("\"" + current.at("/version") + "\"");

        Api.Response malformed = as(ADVISOR).header("If-Match", "yesterday")
                .post("/api/v1/repair-orders/" + id + "/cancel", "{\"reason\":\"test\"}");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body()).contains("If-Match");
    }

    @Test
    void anAppointmentConfirmedFromAStaleVersionIsRefused() {
        Instant slot = Instant.parse("2031-01-01T01:30:00Z").plus(ThreadLocalRandom.current().nextInt(0, 100_000) * 30L, ChronoUnit.MINUTES);
        Api.Response booked = as(ADVISOR).post("/api/v1/appointments", """
                {"customer":{"name":"王强","phone":"13800000003"},
                 "vehicle":{"vin":"LFV3A23C0R3000001","plate":"沪C55555","brand":"Volkswagen","model":"Passat"},
                 "advisorId":"%s","advisorName":"顾问","slotStart":"%s"}""".formatted(unique("advisor"), slot));
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        String etag = booked.header("ETag");
        String path = "/api/v1/appointments/" + booked.at("/id");
        assertThat(as(ADVISOR).get(path).header("ETag")).isEqualTo(etag);

        Api.Response stale = as(ADVISOR).header("If-Match", "\"" + (Long.parseLong(etag.replace("\"", "")) + 5) + "\"")
                .post(path + "/confirm");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.at("/type")).endsWith("/version-conflict");

        Api.Response confirmed = as(ADVISOR).header("If-Match", etag).post(path + "/confirm");
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.header("ETag")).isNotEqualTo(etag);
        as(ADVISOR).post(path + "/cancel");
    }
}
