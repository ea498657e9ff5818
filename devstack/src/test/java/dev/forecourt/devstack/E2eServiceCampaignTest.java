package dev.forecourt.devstack;

import static dev.forecourt.devstack.FlowSupport.eventually;
import static dev.forecourt.devstack.FlowSupport.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import dev.forecourt.devstack.FlowSupport.Staff;
import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;
import tools.jackson.databind.JsonNode;

/**
 * A recall from the OEM to the warranty claim, through the gateway: the OEM announces a recall on
 * its bulletin (the partner simulator), the service director fetches the bulletins into the
 * workshop, the advisor's appointment and the reception of an affected car flag the open
 * campaign, the campaign job (OEM pays) is done and handed over, the campaign is completed for
 * that VIN (campaign-completed-for-vehicle, completion report) and claims-service drafts the
 * warranty claim with the campaign code; the car's next visit is not flagged again.
 */
class E2eServiceCampaignTest {

    private static final String AIRBAG = "AIRBAG-R01";

    @Test
    void aCarInAnOpenRecallIsFlaggedAtTheAppointmentAndReceptionAndItsCampaignJobClosesTheRecallAndDraftsAClaimWithItsCode() {
        Staff director = Staff.inFlow("servicedirector");
        Staff advisor = Staff.inFlow("advisor");
        Staff foreman = Staff.inFlow("foreman");
        Staff technician = Staff.inFlow("technician");
        Staff warranty = Staff.inFlow("warranty");
        FlowSupport.awaitOnWorkshopRoster(foreman, technician.employeeId());

        String vin = FlowSupport.vin();
        String notYetDone = FlowSupport.vin();
        String code = "RC-E2E-" + FlowSupport.lowerAlnum(8).toUpperCase();
        java.time.LocalDate today = FlowSupport.storeToday();

        // the OEM announces the recall on its bulletin; the service director reads the bulletins into the workshop
        Api oem = Api.at(RunningStack.direct(8090));
        expect(oem.post("/oem/v1/campaigns", """
                {"campaignCode":"%s","title":"Passenger airbag inflator 副驾驶气囊气体发生器","kind":"RECALL",
                 "affectedVins":["%s","%s"],"labourOperations":["%s"],"startsOn":"%s"}"""
                .formatted(code, vin, notYetDone, AIRBAG, today.minusDays(7))), 201);
        expect(advisor.api().post("/api/v1/service-campaigns/oem-fetches"), 403);
        Api.Response fetched = expect(director.api().post("/api/v1/service-campaigns/oem-fetches"), 200);
        assertThat(fetched.json().path("published").toString()).contains(code);
        Api.Response campaign = expect(advisor.api().get("/api/v1/service-campaigns/" + code), 200);
        assertThat(campaign.at("/kind")).isEqualTo("RECALL");
        assertThat(campaign.json().path("affectedVins").toString()).contains(vin, notYetDone);

        // the appointment flags it
        String vehicle = "{\"vin\":\"%s\",\"plate\":\"%s\",\"brand\":\"Volkswagen\",\"model\":\"Lavida\"}".formatted(vin, FlowSupport.plate());
        String customer = "{\"name\":\"E2E 召回%s\",\"phone\":\"%s\"}".formatted(FlowSupport.lowerAlnum(4), FlowSupport.mobile());
        Instant slot = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(1 + new SecureRandom().nextInt(20)));
        Api.Response booked = expect(advisor.api().post("/api/v1/appointments", """
                {"customer":%s,"vehicle":%s,"advisorId":"%s","advisorName":"%s","slotStart":"%s","request":"召回通知 recall letter"}"""
                .formatted(customer, vehicle, advisor.employeeId(), advisor.name(), slot)), 201);
        assertThat(booked.at("/openCampaigns/0/campaignCode")).isEqualTo(code);
        assertThat(booked.at("/openCampaigns/0/kind")).isEqualTo("RECALL");
        assertThat(booked.at("/openCampaigns/0/labourOperations/0")).isEqualTo(AIRBAG);

        // reception flags it, and the campaign job is on the order
        Api.Response opened = expect(advisor.api().post("/api/v1/repair-orders", """
                {"appointmentId":"%s","vehicle":%s,"customer":%s,"odometerInKm":30500,"complaint":"召回 airbag recall",
                 "walkAround":{"exterior":"ok","interior":"ok","valuables":"none"},"promisedAt":"%s",
                 "jobs":[{"labourOperationCode":"%s","description":"Replace the passenger airbag inflator","hours":1.5,
                          "payType":"CAMPAIGN","campaignCode":"%s"}]}"""
                .formatted(booked.at("/id"), vehicle, customer, Instant.now().plus(Duration.ofHours(4)).truncatedTo(ChronoUnit.SECONDS),
                        AIRBAG, code)), 201);
        String orderId = opened.at("/id");
        String order = "/api/v1/repair-orders/" + orderId;
        String jobId = opened.at("/jobs/0/id");
        assertThat(opened.at("/openCampaigns/0/campaignCode")).isEqualTo(code);
        assertThat(opened.at("/openCampaigns/0/jobId")).isEqualTo(jobId);
        assertThat(opened.at("/jobs/0/payType")).isEqualTo("CAMPAIGN");
        assertThat(opened.at("/jobs/0/campaignCode")).isEqualTo(code);

        // the work, paid by the OEM: nothing for the customer to pay before handover
        expect(advisor.api().post(order + "/approve-estimate", "{\"approvedVia\":\"signature\"}"), 200);
        FlowSupport.dispatch(foreman, orderId, jobId, technician.employeeId());
        FlowSupport.work(technician, orderId, jobId);
        expect(foreman.api().post(order + "/quality-check", "{\"passed\":true}"), 200);
        try (EventProbe workshop = EventProbe.on(RunningStack.KAFKA, "forecourt.workshop.events")) {
            expect(advisor.api().post(order + "/handover", "{\"odometerOutKm\":30502,\"workExplained\":true}"), 200);
            EventProbe.ReceivedEvent claimed = workshop.await("forecourt.workshop.warranty-job-completed.v1", orderId);
            EventSchemas.assertValid(claimed);
            assertThat(claimed.data().path("campaignCode").asString()).isEqualTo(code);
            EventProbe.ReceivedEvent completed = workshop.await(e -> e.type().equals("forecourt.workshop.campaign-completed-for-vehicle.v1")
                    && code.equals(e.subject()) && vin.equals(e.data().path("vin").asString()), "campaign-completed-for-vehicle of " + vin);
            EventSchemas.assertValid(completed);
            assertThat(completed.data().path("repairOrderId").asString()).isEqualTo(orderId);
        }

        // the completion report: this car done, the other outstanding
        eventually().untilAsserted(() -> assertThat(expect(director.api().get("/api/v1/workshop-reports/campaign-completion/" + code), 200)
                .at("/completedVehicles")).isEqualTo("1"));
        Api.Response report = expect(director.api().get("/api/v1/workshop-reports/campaign-completion/" + code), 200);
        assertThat(report.at("/affectedVehicles")).isEqualTo("2");
        assertThat(report.at("/outstandingVehicles")).isEqualTo("1");
        assertThat(report.at("/completions/0/vin")).isEqualTo(vin);
        assertThat(report.at("/completions/0/repairOrderId")).isEqualTo(orderId);
        assertThat(report.at("/outstandingVins/0")).isEqualTo(notYetDone);

        // claims-service drafted the warranty claim carrying the campaign code
        AtomicReference<JsonNode> claim = new AtomicReference<>();
        eventually().untilAsserted(() -> {
            JsonNode claims = expect(warranty.api().get("/api/v1/warranty-claims?vin=" + vin), 200).json();
            assertThat(claims.path("total").asInt()).as("claims of %s: %s", vin, claims).isEqualTo(1);
            claim.set(claims.path("items").get(0));
        });
        JsonNode drafted = claim.get();
        assertThat(drafted.path("status").asString()).isEqualTo("DRAFT");
        assertThat(drafted.path("content").path("campaignCode").asString()).isEqualTo(code);
        assertThat(drafted.path("content").path("repairOrderId").asString()).isEqualTo(orderId);
        assertThat(drafted.path("content").path("labourOperations").get(0).path("code").asString()).isEqualTo(AIRBAG);

        // done for this car: its next visit is not flagged, and a second campaign job is refused
        Api.Response again = expect(advisor.api().post("/api/v1/repair-orders", """
                {"vehicle":%s,"customer":%s,"odometerInKm":31800,"complaint":"10,000 km service",
                 "walkAround":{"exterior":"ok","interior":"ok","valuables":"none"},"promisedAt":"%s",
                 "jobs":[{"labourOperationCode":"MNT-10K","description":"10,000 km service","hours":1.0,"payType":"CUSTOMER"}]}"""
                .formatted(vehicle, customer, Instant.now().plus(Duration.ofHours(4)).truncatedTo(ChronoUnit.SECONDS))), 201);
        assertThat(again.json().path("openCampaigns")).isEmpty();
        Api.Response refused = expect(advisor.api().post("/api/v1/repair-orders/" + again.at("/id") + "/jobs", """
                {"labourOperationCode":"%s","description":"Replace the inflator","hours":1.5,"payType":"CAMPAIGN","campaignCode":"%s"}"""
                .formatted(AIRBAG, code)), 422);
        assertThat(refused.at("/type")).endsWith("/not-in-campaign");
    }
}
