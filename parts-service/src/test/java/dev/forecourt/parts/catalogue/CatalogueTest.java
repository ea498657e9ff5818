package dev.forecourt.parts.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.forecourt.parts.PartsFixture;

import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.ForecourtServiceTest;
import dev.forecourt.platform.test.TestTokens;

@ForecourtServiceTest
class CatalogueTest {

    @LocalServerPort
    int port;

    @Test
    void partsAreFoundByNumberOrNameAndSearchTextIsMatchedLiterally() {
        PartsFixture parts = new PartsFixture(port);
        String partNumber = parts.part();
        Api api = parts.api();

        assertThat(api.get("/api/v1/parts?q=" + partNumber.substring(2, 8).toLowerCase()).json().get("items"))
                .anySatisfy(p -> assertThat(p.get("partNumber").asString()).isEqualTo(partNumber));
        assertThat(api.get("/api/v1/parts?q=" + URLEncoder.encode("Test part " + partNumber, StandardCharsets.UTF_8))
                .json().get("total").asInt()).isEqualTo(1);
        Api.Response anything = api.get("/api/v1/parts?q=" + URLEncoder.encode(".*", StandardCharsets.UTF_8));
        assertThat(anything.status()).isEqualTo(200);
        assertThat(anything.json().get("total").asInt()).isZero();
    }

    @Test
    void aPartNumberIsAddedOnceAndEditedWithItsVersion() {
        PartsFixture parts = new PartsFixture(port);
        String partNumber = parts.part();
        String body = """
                {"partNumber":"%s","name":"Renamed","unit":"piece","price":{"amount":12.5,"currency":"CNY"},
                 "binLocation":"A-01-01","minStock":2,"maxStock":10,"safetyStock":1,"genuineOem":true,"version":%s}""";

        assertThat(parts.api().post("/api/v1/parts", body.formatted(partNumber, "null")).status()).isEqualTo(409);
        Api.Response stale = parts.api().put("/api/v1/parts/" + partNumber, body.formatted(partNumber, "99"));
        assertThat(stale.status()).isEqualTo(409);
        Api.Response edited = parts.api().put("/api/v1/parts/" + partNumber, body.formatted(partNumber, "0"));
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.at("/name")).isEqualTo("Renamed");
        assertThat(edited.body()).contains("\"amount\":12.50");
        assertThat(parts.stock(partNumber, "reorderPoint")).isEqualTo(2);
    }

    @Test
    void aPartIsEditedWithTheETagItWasReadWithAndAStaleOneIsRefused() {
        PartsFixture parts = new PartsFixture(port);
        String partNumber = parts.part();
        String body = """
                {"partNumber":"%s","name":"%s","unit":"piece","price":{"amount":12.5,"currency":"CNY"},
                 "binLocation":"A-01-01","minStock":2,"maxStock":10,"safetyStock":1,"genuineOem":true}""";

        Api.Response read = parts.api().get("/api/v1/parts/" + partNumber);
        String etag = read.header("ETag");
        assertThat(etag).isEqualTo("\"" + read.at("/version") + "\"");
        Api.Response edited = parts.api().header("If-Match", etag).put("/api/v1/parts/" + partNumber, body.formatted(partNumber, "First"));
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.header("ETag")).isNotEqualTo(etag).isEqualTo("\"" + edited.at("/version") + "\"");

        Api.Response stale = parts.api().header("If-Match", etag).put("/api/v1/parts/" + partNumber, body.formatted(partNumber, "Second"));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.at("/type")).endsWith("version-conflict");
        assertThat(stale.at("/currentVersion")).isEqualTo(edited.at("/version"));
        assertThat(parts.api().get("/api/v1/parts/" + partNumber).at("/name")).isEqualTo("First");
        Api.Response malformed = parts.api().header("If-Match", "yesterday").put("/api/v1/parts/" + partNumber,
                body.formatted(partNumber, "Third"));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body()).contains("If-Match");
    }

    @Test
    void inconsistentStockLevelsAndBadInputAreRefused() {
        PartsFixture parts = new PartsFixture(port);
        Api.Response minAboveMax = parts.api().post("/api/v1/parts", """
                {"partNumber":"%s","name":"x","unit":"pc","price":{"amount":1,"currency":"CNY"},
                 "binLocation":"A","minStock":5,"maxStock":2,"safetyStock":1,"genuineOem":true}""".formatted(PartsFixture.newPartNumber()));
        Api.Response badNumber = parts.api().post("/api/v1/parts", """
                {"partNumber":"a/b","name":"x","unit":"pc","price":{"amount":1,"currency":"CNY"},
                 "binLocation":"A","minStock":0,"maxStock":2,"safetyStock":0,"genuineOem":true}""");
        assertThat(minAboveMax.status()).isEqualTo(422);
        assertThat(badNumber.status()).isEqualTo(400);
        assertThat(badNumber.body()).contains("partNumber");
    }

    @Test
    void theCatalogueIsEditedOnlyWithThePermission() {
        Api storekeeper = Api.at(port).checked().as(TestTokens.staff("storekeeper", "parts-storekeeper", "parts:read"));
        Api.Response answer = storekeeper.post("/api/v1/parts", """
                {"partNumber":"%s","name":"x","unit":"pc","price":{"amount":1,"currency":"CNY"},
                 "binLocation":"A","minStock":0,"maxStock":2,"safetyStock":0,"genuineOem":true}""".formatted(PartsFixture.newPartNumber()));
        assertThat(answer.status()).isEqualTo(403);
    }
}
