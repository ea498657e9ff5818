package dev.forecourt.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;
import dev.forecourt.platform.test.ForecourtServiceTest;
import dev.forecourt.platform.test.IncomingEvents;
import dev.forecourt.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;

/** Campaign invitation lists: from criteria, from the workshop's recalls and service campaigns; outcomes per entry. */
@ForecourtServiceTest
class MarketingListsTest {

    static final String SPECIALIST = TestTokens.staff("crm", "customer-service-specialist", "customers:read", "customers:write",
            "callbacks:read", "marketing-lists:read", "marketing-lists:write");
    static final String READER = TestTokens.staff("reader", "showroom-supervisor", "marketing-lists:read");

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    Api api() {
        return Api.at(port).checked().as(SPECIALIST);
    }

    static void delivered(String phone, String vin, String model, String deliveryDate) {
        IncomingEvents.publish("forecourt.sales.vehicle-delivered.v1", "so-" + UUID.randomUUID(), """
                {"salesOrderId":"so-%s","vin":"%s","brand":"Volkswagen","model":"%s","customerId":"cust-%s",
                 "customerName":"赵磊","customerPhone":"%s","consultantId":"emp-sales","consultantName":"Sales Consultant",
                 "deliveryDate":"%s","deliveredAt":"%sT03:00:00Z","odometerKm":10}
                """.formatted(UUID.randomUUID(), vin, model, phone, phone, deliveryDate, deliveryDate));
    }

    void awaitVehicle(String phone, String vin) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Api.Response profile = api().get("/api/v1/customers/cust-" + phone);
            return profile.status() == 200 && profile.body().contains(vin);
        });
    }

    @Test
    void aStoreCampaignListsTheCustomersByModelAndLastVisitClubMembersFirstWithTheirOwnScript() {
        String model = "Sagitar " + UUID.randomUUID().toString().substring(0, 8);
        String plain = CrmFlowTest.newPhone();
        String member = CrmFlowTest.newPhone();
        String noCalls = CrmFlowTest.newPhone();
        assertThat(api().post("/api/v1/customers", """
                {"name":"孙丽","phone":"%s","callConsent":true,"club":{"number":"C-%s","level":"GOLD","joinedOn":"2025-05-01"}}
                """.formatted(member, member.substring(3))).status()).isEqualTo(201);
        assertThat(api().post("/api/v1/customers", "{\"name\":\"钱军\",\"phone\":\"%s\",\"callConsent\":false}".formatted(noCalls))
                .status()).isEqualTo(201);
        delivered(plain, CrmFlowTest.vinOf(plain), model, "2017-04-10"); // a month no report test counts
        delivered(member, CrmFlowTest.vinOf(member), model, "2026-06-01");
        delivered(noCalls, CrmFlowTest.vinOf(noCalls), model, "2026-06-02");
        awaitVehicle(plain, CrmFlowTest.vinOf(plain));
        awaitVehicle(member, CrmFlowTest.vinOf(member));
        awaitVehicle(noCalls, CrmFlowTest.vinOf(noCalls));

        try (EventProbe probe = EventProbe.on("forecourt.crm.events")) {
            Api.Response created = api().post("/api/v1/marketing-lists", """
                    {"name":"Autumn check %s","startsOn":"2026-10-01","endsOn":"2026-10-31","criteria":{"models":["%s"]}}
                    """.formatted(model, model.toUpperCase()));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String id = created.at("/id");
            assertThat(id).matches("ML\\d{4}\\d{6}");
            assertThat(created.header("Location")).isEqualTo("/api/v1/marketing-lists/" + id);
            JsonNode list = created.json();
            assertThat(list.get("tally").get("entries").asInt()).isEqualTo(2); // the customer who refuses calls is not listed
            assertThat(list.get("tally").get("clubMembers").asInt()).isEqualTo(1);
            JsonNode first = list.get("entries").get(0);
            assertThat(first.get("customerId").asString()).isEqualTo("cust-" + member);
            assertThat(first.get("clubLevel").asString()).isEqualTo("GOLD");
            assertThat(first.get("script").asString()).startsWith("Owners' club member (GOLD)");
            JsonNode second = list.get("entries").get(1);
            assertThat(second.get("customerId").asString()).isEqualTo("cust-" + plain);
            assertThat(second.get("entryNo").asInt()).isEqualTo(2);
            assertThat(second.get("script").asString()).doesNotContain("club").contains("Autumn check");
            assertThat(second.get("outcome").asString()).isEqualTo("PENDING");
            assertThat(second.get("vin").asString()).isEqualTo(CrmFlowTest.vinOf(plain));

            JsonNode event = probe.await("forecourt.crm.marketing-list-created.v1", id).data();
            EventSchemas.assertValid(probe.await("forecourt.crm.marketing-list-created.v1", id));
            assertThat(event.get("entries")).hasSize(2);

            Api.Response accepted = api().header("If-Match", created.header("ETag"))
                    .post("/api/v1/marketing-lists/" + id + "/entries/2/outcome", "{\"outcome\":\"ACCEPTED\",\"note\":\"comes Saturday\"}");
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
            assertThat(accepted.at("/entries/1/outcome")).isEqualTo("ACCEPTED");
            assertThat(accepted.at("/entries/1/outcomeById")).isEqualTo("emp-crm");
            assertThat(accepted.at("/tally/accepted")).isEqualTo("1");
            EventProbe.ReceivedEvent recorded = probe.await("forecourt.crm.marketing-list-entry-outcome-recorded.v1", id);
            EventSchemas.assertValid(recorded);
            assertThat(recorded.data().get("outcome").asString()).isEqualTo("ACCEPTED");
            assertThat(recorded.data().get("previousOutcome").asString()).isEqualTo("PENDING");

            Api.Response stale = api().header("If-Match", created.header("ETag"))
                    .post("/api/v1/marketing-lists/" + id + "/entries/1/outcome", "{\"outcome\":\"INVITED\"}");
            assertThat(stale.status()).isEqualTo(409);
            assertThat(api().post("/api/v1/marketing-lists/" + id + "/entries/1/outcome", "{\"outcome\":\"DONE\"}").status())
                    .isEqualTo(422);
            assertThat(api().post("/api/v1/marketing-lists/" + id + "/entries/9/outcome", "{\"outcome\":\"INVITED\"}").status())
                    .isEqualTo(404);
            assertThat(api().post("/api/v1/marketing-lists/" + id + "/entries/2/outcome", "{\"outcome\":\"ACCEPTED\"}").status())
                    .isEqualTo(409);
            assertThat(Api.at(port).checked().as(READER).post("/api/v1/marketing-lists/" + id + "/entries/1/outcome",
                    "{\"outcome\":\"INVITED\"}").status()).isEqualTo(403);
            assertThat(Api.at(port).checked().as(READER).get("/api/v1/marketing-lists/" + id).status()).isEqualTo(200);
        }

        JsonNode clubOnly = api().post("/api/v1/marketing-lists", """
                {"name":"Club day","criteria":{"models":["%s"],"clubMembersOnly":true}}""".formatted(model)).json();
        assertThat(clubOnly.get("entries")).hasSize(1);
        assertThat(clubOnly.get("entries").get(0).get("customerId").asString()).isEqualTo("cust-" + member);
        JsonNode winBack = api().post("/api/v1/marketing-lists", """
                {"name":"We miss you","criteria":{"models":["%s"],"lastVisitBefore":"2020-01-01"}}""".formatted(model)).json();
        assertThat(winBack.get("entries")).hasSize(1);
        assertThat(winBack.get("entries").get(0).get("customerId").asString()).isEqualTo("cust-" + plain);
        JsonNode recent = api().post("/api/v1/marketing-lists", """
                {"name":"New owners","criteria":{"models":["%s"],"lastVisitAfter":"2026-01-01"}}""".formatted(model)).json();
        assertThat(recent.get("entries")).hasSize(1);
        assertThat(recent.get("entries").get(0).get("customerId").asString()).isEqualTo("cust-" + member);

        assertThat(api().post("/api/v1/marketing-lists", "{\"name\":\"x\",\"startsOn\":\"2026-10-02\",\"endsOn\":\"2026-10-01\"}").status())
                .isEqualTo(400);
        JsonNode overview = api().get("/api/v1/marketing-lists?kind=CAMPAIGN_INVITATION&size=200").json();
        assertThat(overview.get("total").asInt()).isGreaterThanOrEqualTo(4);
        assertThat(overview.get("items").get(0).get("entries")).isEmpty();
    }

    @Test
    void aRecallFromTheWorkshopListsTheOwnersCrmKnowsAndTheDoneVehicleIsMarkedDone() {
        String owner = CrmFlowTest.newPhone();
        String vin = CrmFlowTest.vinOf(owner);
        delivered(owner, vin, "Tiguan L", "2025-03-01");
        awaitVehicle(owner, vin);
        String code = "RC" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String published = """
                {"campaignCode":"%s","title":"Airbag inflator replacement","kind":"RECALL","affectedVins":["%s","LSVZZ0000ZZ000001"],
                 "labourOperations":["RC-AIRBAG"],"startsOn":"2026-12-01","endsOn":null,"publishedAt":"%s"}
                """.formatted(code, vin, Instant.now());

        try (EventProbe probe = EventProbe.on("forecourt.crm.events")) {
            IncomingEvents.publish("forecourt.workshop.service-campaign-published.v1", code, published);
            IncomingEvents.publish("forecourt.workshop.service-campaign-published.v1", code, published); // published again: same list
            String id = "campaign-" + code;
            await().atMost(Duration.ofSeconds(20)).until(() -> api().get("/api/v1/marketing-lists/" + id).status() == 200);
            JsonNode list = api().get("/api/v1/marketing-lists/" + id).json();
            assertThat(list.get("kind").asString()).isEqualTo("RECALL");
            assertThat(list.get("campaignCode").asString()).isEqualTo(code);
            assertThat(list.get("entries")).hasSize(1); // the other VIN's owner is unknown to CRM
            assertThat(list.get("entries").get(0).get("customerId").asString()).isEqualTo("cust-" + owner);
            assertThat(list.get("entries").get(0).get("script").asString()).contains("safety recall");
            EventSchemas.assertValid(probe.await("forecourt.crm.marketing-list-created.v1", id));

            IncomingEvents.publish("forecourt.workshop.campaign-completed-for-vehicle.v1", code, """
                    {"campaignCode":"%s","vin":"%s","repairOrderId":"ro-recall-1","completedAt":"%s"}
                    """.formatted(code, vin, Instant.now()));
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    "DONE".equals(api().get("/api/v1/marketing-lists/" + id).at("/entries/0/outcome")));
            assertThat(api().get("/api/v1/marketing-lists/" + id).at("/entries/0/repairOrderId")).isEqualTo("ro-recall-1");
            EventProbe.ReceivedEvent done = probe.await("forecourt.crm.marketing-list-entry-outcome-recorded.v1", id);
            EventSchemas.assertValid(done);
            assertThat(done.data().get("outcome").asString()).isEqualTo("DONE");
            assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(
                    org.springframework.data.mongodb.core.query.Criteria.where("campaignCode").is(code)), "marketing_lists")).isEqualTo(1);
        }
    }
}
