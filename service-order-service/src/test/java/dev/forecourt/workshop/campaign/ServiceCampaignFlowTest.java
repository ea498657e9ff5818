package dev.forecourt.workshop.campaign;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;
import dev.forecourt.workshop.support.WorkshopIntegrationTest;

/**
 * Recalls and service campaigns: published from the OEM's bulletins (WireMock standing in for the
 * OEM) or imported; an affected car is flagged at the appointment and at reception; its campaign
 * job, handed over, is claimed with the campaign code and completes the campaign for the VIN.
 */
class ServiceCampaignFlowTest extends WorkshopIntegrationTest {

    @Test
    void aCarInACampaignIsFlaggedAndItsCampaignJobCompletesTheCampaignForTheVin() {
        String vin = uniqueVin();
        String code = unique("RC");
        PEERS.stubFor(get(urlEqualTo("/oem/v1/campaigns")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"items":[{"campaignCode":"%s","title":"Passenger airbag inflator","kind":"RECALL",
                                   "affectedVins":["%s","LSVAB4BM7RN000001"],"labourOperations":["AIRBAG-R01"],
                                   "startsOn":"2026-01-01","endsOn":null}]}""".formatted(code, vin))));

        Api.Response fetched = as(DIRECTOR).post("/api/v1/service-campaigns/oem-fetches");
        assertThat(fetched.status()).as(fetched.body()).isEqualTo(200);
        assertThat(fetched.json().get("published").toString()).contains(code);
        assertThat(as(DIRECTOR).post("/api/v1/service-campaigns/oem-fetches").json().get("alreadyPublished").toString())
                .contains(code);
        assertThat(as(ADVISOR).post("/api/v1/service-campaigns/oem-fetches").status()).isEqualTo(403);
        assertThat(as(ADVISOR).get("/api/v1/service-campaigns?vin=" + vin).at("/items/0/campaignCode")).isEqualTo(code);

        // the appointment flags the recall
        Instant slot = Instant.parse("2027-01-01T02:00:00Z").plus(ThreadLocalRandom.current().nextInt(1, 3000), ChronoUnit.DAYS);
        Api.Response booked = as(ADVISOR).post("/api/v1/appointments", """
                {"customer":{"name":"周敏","phone":"13800000021"},
                 "vehicle":{"vin":"%s","plate":"沪C20001","brand":"Volkswagen","model":"Lavida"},
                 "advisorId":"%s","advisorName":"王顾问","slotStart":"%s"}""".formatted(vin, unique("advisor"), slot));
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        assertThat(booked.at("/openCampaigns/0/campaignCode")).isEqualTo(code);
        assertThat(booked.at("/openCampaigns/0/kind")).isEqualTo("RECALL");

        // reception flags it too, and the campaign job does it
        Api.Response opened = as(ADVISOR).post("/api/v1/repair-orders", """
                {"appointmentId":"%s","vehicle":{"vin":"%s","plate":"沪C20001","brand":"Volkswagen","model":"Lavida"},
                 "customer":{"name":"周敏","phone":"13800000021"},"odometerInKm":30500,"complaint":"召回通知",
                 "walkAround":{"exterior":"ok","interior":"ok","valuables":"none"},"promisedAt":"%s",
                 "jobs":[{"labourOperationCode":"AIRBAG-R01","description":"Replace passenger airbag inflator","hours":1.5,
                          "payType":"CAMPAIGN","requiredSkill":"electrical","campaignCode":"%s"}]}
                """.formatted(booked.at("/id"), vin, hoursFromNow(6), code));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String id = opened.at("/id");
        assertThat(opened.at("/openCampaigns/0/campaignCode")).isEqualTo(code);
        assertThat(opened.at("/openCampaigns/0/jobId")).isEqualTo("job-1");
        assertThat(opened.at("/jobs/0/campaignCode")).isEqualTo(code);

        String name = unique("tech");
        String technician = hireTechnician(name, "electrical");
        as(ADVISOR).post("/api/v1/repair-orders/" + id + "/approve-estimate", "{\"approvedVia\":\"signature\"}");
        assertThat(as(FOREMAN).post("/api/v1/repair-orders/" + id + "/jobs/job-1/dispatch",
                "{\"technicianId\":\"emp-" + name + "\",\"bayId\":\"B2\"}").status()).isEqualTo(200);
        as(technician).post("/api/v1/repair-orders/" + id + "/jobs/job-1/start");
        assertThat(as(technician).post("/api/v1/repair-orders/" + id + "/jobs/job-1/finish",
                "{\"selfCheckPassed\":true,\"selfCheckNotes\":\"ok\"}").status()).isEqualTo(200);
        assertThat(as(FOREMAN).post("/api/v1/repair-orders/" + id + "/quality-check", "{\"passed\":true}").status()).isEqualTo(200);
        Api.Response handedOver = as(ADVISOR).post("/api/v1/repair-orders/" + id + "/handover",
                "{\"odometerOutKm\":30501,\"workExplained\":true}");
        assertThat(handedOver.status()).as(handedOver.body()).isEqualTo(200); // nothing for the customer to pay

        try (EventProbe probe = EventProbe.on("forecourt.workshop.events")) {
            var published = probe.await("forecourt.workshop.service-campaign-published.v1", code);
            EventSchemas.assertValid(published);
            var claim = probe.await("forecourt.workshop.warranty-job-completed.v1", id);
            EventSchemas.assertValid(claim);
            assertThat(claim.data().get("campaignCode").asString()).isEqualTo(code);
            var completed = probe.await("forecourt.workshop.campaign-completed-for-vehicle.v1", code);
            EventSchemas.assertValid(completed);
            assertThat(completed.data().get("vin").asString()).isEqualTo(vin);
            assertThat(completed.data().get("repairOrderId").asString()).isEqualTo(id);
        }
        await().atMost(Duration.ofSeconds(20)).until(() ->
                as(DIRECTOR).get("/api/v1/workshop-reports/campaign-completion/" + code).json().get("completedVehicles").asInt() == 1);
        Api.Response report = as(DIRECTOR).get("/api/v1/workshop-reports/campaign-completion/" + code);
        assertThat(report.at("/affectedVehicles")).isEqualTo("2");
        assertThat(report.at("/completions/0/repairOrderId")).isEqualTo(id);
        assertThat(report.at("/outstandingVins/0")).isEqualTo("LSVAB4BM7RN000001");

        // done for this car: the next visit is not flagged, and no second campaign job is accepted
        Api.Response again = as(ADVISOR).post("/api/v1/repair-orders", walkIn(vin, false));
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json().get("openCampaigns")).isEmpty();
        Api.Response refused = as(ADVISOR).post("/api/v1/repair-orders/" + again.at("/id") + "/jobs", """
                {"labourOperationCode":"AIRBAG-R01","description":"Replace inflator","hours":1.5,"payType":"CAMPAIGN",
                 "campaignCode":"%s"}""".formatted(code));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.at("/type")).endsWith("not-in-campaign");
    }

    @Test
    void theServiceDirectorImportsACampaignOnceAndAnOemOutageIsAnswered502() {
        String code = unique("SC");
        String body = """
                {"campaignCode":"%s","title":"ECU software update","kind":"SERVICE_CAMPAIGN","affectedVins":["%s"],
                 "labourOperations":["ECU-SW-42"],"startsOn":"2026-12-01","endsOn":"2027-06-30"}""".formatted(code, uniqueVin());
        assertThat(as(ADVISOR).post("/api/v1/service-campaigns", body).status()).isEqualTo(403);
        Api.Response imported = as(DIRECTOR).post("/api/v1/service-campaigns", body);
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.header("Location")).endsWith("/api/v1/service-campaigns/" + code);
        assertThat(imported.at("/source")).isEqualTo("IMPORT");
        assertThat(imported.at("/publishedBy/employeeId")).isNotBlank();
        Api.Response twice = as(DIRECTOR).post("/api/v1/service-campaigns", body);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.at("/type")).endsWith("campaign-already-published");
        assertThat(as(ADVISOR).get("/api/v1/service-campaigns/" + code).at("/endsOn")).isEqualTo("2027-06-30");

        PEERS.stubFor(get(urlEqualTo("/oem/v1/campaigns")).willReturn(aResponse().withStatus(503)));
        Api.Response down = as(DIRECTOR).post("/api/v1/service-campaigns/oem-fetches");
        assertThat(down.status()).isEqualTo(502);
        assertThat(down.at("/type")).endsWith("oem-unavailable");
    }
}
