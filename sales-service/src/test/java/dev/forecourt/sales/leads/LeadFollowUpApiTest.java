package dev.forecourt.sales.leads;

import static dev.forecourt.sales.SalesFixtures.MANAGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;
import dev.forecourt.platform.test.ForecourtServiceTest;
import dev.forecourt.platform.test.TestTokens;
import dev.forecourt.sales.SalesFixtures;
import tools.jackson.databind.JsonNode;

@ForecourtServiceTest
class LeadFollowUpApiTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;

    SalesFixtures fx;
    String username;
    String consultant;

    @BeforeEach
    void setUp() {
        fx = new SalesFixtures(port);
        // A consultant of their own, so leads of other tests sharing the database do not mix in.
        username = "f" + System.nanoTime();
        consultant = TestTokens.staff(username, "sales-consultant", "leads:read", "leads:write");
    }

    String open(String phone, String model) {
        return fx.as(consultant).post("/api/v1/leads", """
                {"customer":{"name":"周杰","phone":"%s"},"source":"WEB","interest":{"model":"%s"}}""".formatted(phone, model)).at("/id");
    }

    @Test
    void theConsultantsTodayListShowsOverdueAndDueFollowUpsAndTheSupervisorSeesTheOverduePerConsultant() {
        ZonedDateTime now = ZonedDateTime.now(SHANGHAI);
        Assumptions.assumeTrue(now.plusMinutes(30).toLocalDate().equals(now.toLocalDate()), "not in the last half hour of the store's day");
        String neglected = open("13900000021", "Passat");
        String planned = open("13900000022", "Lavida");
        String later = now.plusMinutes(20).toOffsetDateTime().format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        Api.Response contacted = fx.as(consultant).post("/api/v1/leads/" + planned + "/contacts",
                "{\"channel\":\"PHONE\",\"note\":\"wants a quote\",\"intentGrade\":\"H\",\"nextContactAt\":\"" + later + "\"}");
        assertThat(contacted.status()).as(contacted.toString()).isEqualTo(200);
        assertThat(contacted.at("/intentGrade")).isEqualTo("H");
        assertThat(contacted.at("/expectedPurchaseBy")).isNotNull();
        String nextWeek = open("13900000023", "Tiguan L");
        fx.as(consultant).post("/api/v1/leads/" + nextWeek + "/contacts",
                "{\"channel\":\"WECHAT\",\"note\":\"next month maybe\",\"intentGrade\":\"B\"}");

        // The neglected lead's first contact was due 2 s after it came in (test setting).
        await().atMost(Duration.ofSeconds(10)).until(() -> fx.as(consultant).get("/api/v1/leads/follow-ups/today")
                .json().get("overdue").findValuesAsString("leadId").contains(neglected));
        Api.Response today = fx.as(consultant).get("/api/v1/leads/follow-ups/today");
        assertThat(today.status()).isEqualTo(200);
        assertThat(today.at("/date")).isEqualTo(LocalDate.now(SHANGHAI).toString());
        assertThat(today.json().get("due").findValuesAsString("leadId")).containsExactly(planned);
        assertThat(today.json().get("overdue").findValuesAsString("leadId")).containsExactly(neglected);
        assertThat(today.json().toString()).doesNotContain(nextWeek);

        assertThat(fx.as(consultant).get("/api/v1/leads/follow-ups/overdue").status()).isEqualTo(403);
        String supervisor = TestTokens.staff("showroom" + System.nanoTime(), "showroom-supervisor", "leads:read", "leads:supervise");
        Api.Response overdue = fx.as(supervisor).get("/api/v1/leads/follow-ups/overdue");
        assertThat(overdue.status()).isEqualTo(200);
        JsonNode mine = overdue.json().valueStream().filter(c -> c.get("consultantId").asString().equals("emp-" + username))
                .findFirst().orElseThrow();
        assertThat(mine.get("overdue").asInt()).isEqualTo(1);
        assertThat(mine.at("/leads/0/leadId").asString()).isEqualTo(neglected);

        try (EventProbe probe = EventProbe.on("forecourt.sales.events")) {
            EventProbe.ReceivedEvent event = probe.await("forecourt.sales.lead-contacted.v1", planned);
            EventSchemas.assertValid(event);
            assertThat(event.data().get("intentGrade").asString()).isEqualTo("H");
            assertThat(event.data().get("nextContactAt").asString()).isNotBlank();
        }
    }

    @Test
    void aNextContactInThePastIsRefused() {
        String lead = open("13900000024", "Passat");
        Api.Response past = fx.as(consultant).post("/api/v1/leads/" + lead + "/contacts",
                "{\"channel\":\"PHONE\",\"note\":\"x\",\"nextContactAt\":\"2020-01-01T10:00:00+08:00\"}");
        assertThat(past.status()).isEqualTo(422);
        assertThat(past.at("/type")).isEqualTo("https://forecourt.dev/problems/next-contact-in-the-past");
        assertThat(fx.as(consultant).post("/api/v1/leads/" + lead + "/contacts", "{\"channel\":\"PHONE\",\"note\":\"x\",\"intentGrade\":\"Z\"}")
                .status()).isEqualTo(400);
    }

    @Test
    void lostLeadsAreAnalysedByReasonModelAndConsultant() {
        String price = open("13900000025", "Passat");
        String competitor = open("13900000026", "Passat");
        fx.as(consultant).post("/api/v1/leads/" + price + "/lost", "{\"reasonCode\":\"PRICE\",\"reason\":\"5000 cheaper elsewhere\"}");
        fx.as(consultant).post("/api/v1/leads/" + competitor + "/lost", "{\"reasonCode\":\"COMPETITOR\",\"reason\":\"bought a Camry\"}");
        assertThat(fx.as(consultant).get("/api/v1/leads/lost-reasons").json().findValuesAsString("code")).contains("PRICE", "FINANCING", "OTHER");

        LocalDate today = LocalDate.now(SHANGHAI);
        assertThat(fx.as(consultant).get("/api/v1/sales-reports/lost-leads").status()).isEqualTo(403);
        Api.Response report = fx.as(MANAGER).get("/api/v1/sales-reports/lost-leads?from=" + today + "&to=" + today);
        assertThat(report.status()).isEqualTo(200);
        JsonNode byConsultant = report.json().get("byConsultant").valueStream()
                .filter(s -> s.get("key").asString().startsWith("emp-" + username)).findFirst().orElseThrow();
        assertThat(byConsultant.get("count").asInt()).isEqualTo(2);
        assertThat(report.json().get("byReason").findValuesAsString("key")).contains("PRICE", "COMPETITOR");
        assertThat(report.json().get("byModel").findValuesAsString("key")).contains("Passat");
        assertThat(report.json().get("byMonth").findValuesAsString("key")).contains(today.toString().substring(0, 7));
        JsonNode line = report.json().get("leads").valueStream().filter(l -> l.get("leadId").asString().equals(price)).findFirst().orElseThrow();
        assertThat(line.get("reasonCode").asString()).isEqualTo("PRICE");
        assertThat(fx.as(MANAGER).get("/api/v1/sales-reports/lost-leads?from=" + today + "&to=" + today.minusDays(1)).status()).isEqualTo(400);
        try (EventProbe probe = EventProbe.on("forecourt.sales.events")) {
            EventProbe.ReceivedEvent event = probe.await("forecourt.sales.lead-lost.v1", competitor);
            EventSchemas.assertValid(event);
            assertThat(event.data().get("reasonCode").asString()).isEqualTo("COMPETITOR");
        }
    }
}
