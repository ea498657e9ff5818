package dev.forecourt.oemsim.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CampaignBulletinsTest {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> announce(String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oem/v1/campaigns"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    String campaigns() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oem/v1/campaigns")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void theDemoRecallIsListedWithItsVinsAndLabourOperations() throws Exception {
        assertThat(campaigns()).contains("\"campaignCode\":\"RC-2026-017\"", "\"kind\":\"RECALL\"", "LSVAB4BM0RN000003",
                "\"labourOperations\":[\"AIRBAG-R01\"]");
    }

    @Test
    void anAnnouncedCampaignIsListedAndAnnouncingItAgainReplacesIt() throws Exception {
        String json = """
                {"campaignCode":"SC-T-1","title":"Door seal check","kind":"SERVICE_CAMPAIGN",
                 "affectedVins":["LSVAB4BM7RN000777"],"labourOperations":["DOOR-CHK"],"startsOn":"2026-12-01","endsOn":null}""";
        assertThat(announce(json).statusCode()).isEqualTo(201);
        assertThat(announce(json.replace("Door seal check", "Door seal check and replacement")).statusCode()).isEqualTo(200);
        String listed = campaigns();
        assertThat(listed).contains("Door seal check and replacement", "LSVAB4BM7RN000777");
        assertThat(listed.split("\"campaignCode\":\"SC-T-1\"").length - 1).isEqualTo(1);
    }

    @Test
    void aCampaignWithoutVinsOrWithAnUnknownKindIsRefused() throws Exception {
        assertThat(announce("""
                {"campaignCode":"X","title":"t","kind":"RECALL","affectedVins":[],"labourOperations":["A"],"startsOn":"2026-12-01"}""")
                .statusCode()).isEqualTo(400);
        assertThat(announce("""
                {"campaignCode":"X","title":"t","kind":"GOODWILL","affectedVins":["LSVAB4BM7RN000777"],"labourOperations":["A"],
                 "startsOn":"2026-12-01"}""").statusCode()).isEqualTo(400);
        assertThat(announce("""
                {"campaignCode":"X","title":"t","kind":"RECALL","affectedVins":["LSVAB4BM7RN000777"],"labourOperations":["A"],
                 "startsOn":"2026-12-01","endsOn":"2026-11-01"}""").statusCode()).isEqualTo(400);
    }
}
