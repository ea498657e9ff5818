package dev.forecourt.sales.reports;

import static dev.forecourt.sales.SalesFixtures.CONSULTANT;
import static dev.forecourt.sales.SalesFixtures.MANAGER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.ForecourtServiceTest;
import dev.forecourt.platform.test.TestTokens;
import dev.forecourt.sales.SalesFixtures;
import tools.jackson.databind.JsonNode;

@ForecourtServiceTest
class DailySummaryApiTest {

    @LocalServerPort
    int port;

    SalesFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new SalesFixtures(port);
    }

    @Test
    void theEveningReviewCountsWalkInsWonAndLostWithReasonsPerConsultantInTheStoresDay() {
        // A consultant of their own, so counts of other tests sharing the database do not mix in.
        String username = "c" + System.nanoTime();
        String token = TestTokens.staff(username, "sales-consultant", "leads:read", "leads:write");
        for (int i = 0; i < 2; i++) {
            fx.as(token).post("/api/v1/leads",
                    "{\"customer\":{\"name\":\"张伟\",\"phone\":\"13800000001\"},\"source\":\"WALK_IN\",\"interest\":{\"model\":\"Lavida\"}}");
        }
        String web = fx.as(token).post("/api/v1/leads",
                "{\"customer\":{\"name\":\"李娜\",\"phone\":\"13800000002\"},\"source\":\"WEB\",\"interest\":{\"model\":\"Tiguan L\"}}").at("/id");
        fx.as(token).post("/api/v1/leads/" + web + "/lost", "{\"reason\":\"too expensive\"}");
        String phone = fx.as(token).post("/api/v1/leads",
                "{\"customer\":{\"name\":\"王强\",\"phone\":\"13800000003\"},\"source\":\"PHONE\",\"interest\":{\"model\":\"Passat\"}}").at("/id");
        fx.as(token).post("/api/v1/leads/" + phone + "/contacts", "{\"channel\":\"IN_PERSON\",\"note\":\"came to see the Passat\"}");

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertThat(fx.as(CONSULTANT).get("/api/v1/sales-reports/daily?date=" + today).status()).isEqualTo(403);
        Api.Response report = fx.as(MANAGER).get("/api/v1/sales-reports/daily?date=" + today);
        assertThat(report.status()).isEqualTo(200);
        JsonNode line = report.json().get("consultants").valueStream()
                .filter(l -> l.get("consultantId").asString().equals("emp-" + username)).findFirst().orElseThrow();
        assertThat(line.get("walkIns").asInt()).isEqualTo(2);
        assertThat(line.get("newLeads").asInt()).isEqualTo(4);
        assertThat(line.get("repeatVisits").asInt()).as("a phone prospect came to the showroom").isEqualTo(1);
        assertThat(line.get("showroomTraffic").asInt()).isEqualTo(3);
        assertThat(line.get("lost").asInt()).isEqualTo(1);
        assertThat(line.at("/lostLeads/0/reason").asString()).isEqualTo("too expensive");
        assertThat(line.at("/lostLeads/0/reasonCode").asString()).isEqualTo("OTHER");

        Api.Response yesterday = fx.as(MANAGER).get("/api/v1/sales-reports/daily?date=" + today.minusDays(1));
        assertThat(yesterday.json().get("consultants").findValuesAsString("consultantId")).doesNotContain("emp-" + username);
    }
}
