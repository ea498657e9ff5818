package dev.forecourt.workshop.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;
import dev.forecourt.workshop.support.WorkshopIntegrationTest;

/** 持证上岗: a job needing a certified skill goes only to a technician whose certificate for it is valid. */
class CertifiedDispatchTest extends WorkshopIntegrationTest {

    @Test
    void aDispatchToATechnicianWithALapsedCertificateIsRefusedWithTheCertificateNamed() {
        String name = unique("tech");
        hireTechnician(name, "high-voltage");
        String employeeId = "emp-" + name;
        String id = openWalkIn(uniqueVin(), false);
        Api.Response added = as(ADVISOR).post("/api/v1/repair-orders/" + id + "/jobs", """
                {"labourOperationCode":"HV-BAT-01","description":"Check the high-voltage battery insulation","hours":1.0,
                 "payType":"CUSTOMER","requiredSkill":"high-voltage"}""");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        as(ADVISOR).post("/api/v1/repair-orders/" + id + "/approve-estimate", "{\"approvedVia\":\"signature\"}");
        String dispatch = "{\"technicianId\":\"" + employeeId + "\",\"bayId\":\"B5\"}";

        Api.Response uncertified = as(FOREMAN).post("/api/v1/repair-orders/" + id + "/jobs/job-2/dispatch", dispatch);
        assertThat(uncertified.status()).as(uncertified.body()).isEqualTo(422);
        assertThat(uncertified.at("/type")).endsWith("certificate-missing");

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String certificate = "/api/v1/workshop/technicians/" + employeeId + "/certificates/high-voltage";
        assertThat(as(ADVISOR).put(certificate, "{\"name\":\"低压电工作业证\",\"number\":\"T1\",\"validUntil\":\"2030-01-01\"}")
                .status()).isEqualTo(403);
        Api.Response lapsed = as(FOREMAN).put(certificate, """
                {"name":"低压电工作业证","number":"T2023-0042","validUntil":"%s"}""".formatted(today.minusDays(1)));
        assertThat(lapsed.status()).as(lapsed.body()).isEqualTo(200);
        assertThat(lapsed.at("/valid")).isEqualTo("false");

        Api.Response refused = as(FOREMAN).post("/api/v1/repair-orders/" + id + "/jobs/job-2/dispatch", dispatch);
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.at("/type")).endsWith("certificate-lapsed");
        assertThat(refused.at("/detail")).contains("低压电工作业证", "T2023-0042");
        assertThat(refused.at("/certificate")).isEqualTo("低压电工作业证");

        Api.Response renewed = as(FOREMAN).put(certificate, """
                {"name":"低压电工作业证","number":"T2026-0099","validUntil":"%s"}""".formatted(today.plusYears(3)));
        assertThat(renewed.at("/valid")).isEqualTo("true");
        assertThat(as(FOREMAN).get("/api/v1/workshop/technicians/" + employeeId + "/certificates").at("/0/number"))
                .isEqualTo("T2026-0099");
        Api.Response dispatched = as(FOREMAN).post("/api/v1/repair-orders/" + id + "/jobs/job-2/dispatch", dispatch);
        assertThat(dispatched.status()).as(dispatched.body()).isEqualTo(200);

        try (EventProbe probe = EventProbe.on("forecourt.workshop.events")) {
            EventSchemas.assertValid(probe.await("forecourt.workshop.technician-certificate-recorded.v1", employeeId));
        }
    }
}
