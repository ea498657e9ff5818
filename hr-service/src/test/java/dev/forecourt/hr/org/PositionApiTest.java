package dev.forecourt.hr.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.forecourt.hr.HrServiceTestBase;
import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;
import tools.jackson.databind.JsonNode;

class PositionApiTest extends HrServiceTestBase {

    static String position(String code, String department, String reportsTo) {
        return """
                {"code":"%s","titleZh":"钣喷技师","titleEn":"Body and paint technician","departmentCode":"%s",%s
                 "duties":["Repairs body damage and paints to the OEM's paint standard","Self-checks paint finish before quality check"],
                 "qualifications":{"education":"中专 / vocational school","yearsOfExperience":2,
                   "knowledge":["Body repair methods","Paint systems"],"abilities":["Careful finish work"],"certificates":["汽车维修工 中级"]},
                 "headcount":2}
                """.formatted(code, department, reportsTo == null ? "" : "\"reportsTo\":\"" + reportsTo + "\",");
    }

    @Test
    void theGeneralManagerSeesTheFullCatalogueWithDutiesAndQualifications() {
        Api.Response response = as("gm").get("/api/v1/positions?size=200");

        assertThat(response.status()).isEqualTo(200);
        JsonNode items = response.json().get("items");
        assertThat(items.size()).isGreaterThanOrEqualTo(25);
        assertThat(response.json().get("total").asInt()).isEqualTo(items.size());
        for (JsonNode p : items) {
            assertThat(p.get("titleZh").asString()).as(p.get("code").asString()).isNotBlank();
            assertThat(p.get("titleEn").asString()).isNotBlank();
            assertThat(p.get("duties").size()).isGreaterThan(0);
            assertThat(p.at("/qualifications/education").asString()).isNotBlank();
            assertThat(p.at("/qualifications/knowledge").size()).isGreaterThan(0);
            assertThat(p.at("/qualifications/abilities").size()).isGreaterThan(0);
        }
        JsonNode advisor = find(items, "service-advisor");
        assertThat(advisor.get("titleZh").asString()).isEqualTo("服务顾问");
        assertThat(advisor.get("reportsTo").asString()).isEqualTo("front-desk-supervisor");
        assertThat(advisor.get("filled").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theOrgChartIsATreeRootedAtTheGeneralManagerWithHeadcountAndFilledSeats() {
        JsonNode root = as("gm").get("/api/v1/org-chart").json();

        assertThat(root.get("code").asString()).isEqualTo("general-manager");
        assertThat(root.get("filled").asLong()).isGreaterThanOrEqualTo(1);
        List<String> all = new ArrayList<>();
        collect(root, all);
        assertThat(all).hasSizeGreaterThanOrEqualTo(25).doesNotHaveDuplicates()
                .contains("sales-manager", "service-advisor", "technician", "parts-storekeeper", "warranty-administrator");
        JsonNode workshop = path(root, "service-director", "after-sales-manager", "workshop-supervisor");
        JsonNode technician = child(workshop, "technician");
        assertThat(technician.get("headcount").asInt()).isEqualTo(8);
        assertThat(technician.get("vacancies").asLong()).isEqualTo(8 - technician.get("filled").asLong());
    }

    @Test
    void aServiceAdvisorMayNotCreateAPosition() {
        String code = unique("body-tech");
        Api.Response response = as("advisor").post("/api/v1/positions", position(code, "after-sales", "workshop-supervisor"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.at("/type")).isEqualTo("https://forecourt.dev/problems/forbidden");
        assertThat(as("gm").get("/api/v1/positions/" + code).status()).isEqualTo(404);
    }

    @Test
    void aCallerWithoutThePermissionIsRefusedBeforeTheBodyIsLookedAt() {
        Api.Response response = as("advisor").post("/api/v1/positions", "{}");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.isProblem()).isTrue();
    }

    @Test
    void theCatalogueIsOnePageByDefault() {
        Api.Response response = as("gm").get("/api/v1/positions");

        assertThat(response.json().get("items").size()).isEqualTo(response.json().get("total").asInt()).isGreaterThanOrEqualTo(25);
    }

    @Test
    void hrCreatesAPositionAndPositionChangedIsPublished() {
        String code = unique("body-tech");
        Api.Response created = as("hr").post("/api/v1/positions", position(code, "after-sales", "workshop-supervisor"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/positions/" + code);
        assertThat(created.at("/revision")).isEqualTo("1");
        assertThat(created.at("/changedBy")).isEqualTo("hr");
        try (EventProbe probe = EventProbe.on("forecourt.hr.events")) {
            var event = probe.await("forecourt.hr.position-changed.v1", code);
            EventSchemas.assertValid(event);
            assertThat(event.data().get("change").asString()).isEqualTo("CREATED");
            assertThat(event.data().get("reportsTo").asString()).isEqualTo("workshop-supervisor");
        }
        assertThat(child(path(as("gm").get("/api/v1/org-chart").json(), "service-director", "after-sales-manager",
                "workshop-supervisor"), code).get("headcount").asInt()).isEqualTo(2);
    }

    @Test
    void changingAPositionIsVersionedAndAStaleVersionIsRefused() {
        String code = unique("body-tech");
        Api hr = as("hr");
        long version = hr.post("/api/v1/positions", position(code, "after-sales", "workshop-supervisor")).json().get("version").asLong();
        String moved = position(code, "after-sales", "after-sales-manager").replace("\"headcount\":2", "\"headcount\":3,\"version\":" + version);

        Api.Response changed = hr.put("/api/v1/positions/" + code, moved);
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.at("/revision")).isEqualTo("2");
        assertThat(changed.at("/headcount")).isEqualTo("3");

        Api.Response stale = hr.put("/api/v1/positions/" + code, moved);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.at("/type")).isEqualTo("https://forecourt.dev/problems/version-conflict");
        try (EventProbe probe = EventProbe.on("forecourt.hr.events")) {
            var update = probe.await(e -> code.equals(e.subject()) && "UPDATED".equals(e.data().get("change").asString()), "update");
            EventSchemas.assertValid(update);
            assertThat(update.data().get("revision").asInt()).isEqualTo(2);
        }
    }

    @Test
    void aPositionAnswersItsETagAndAChangeNeedsTheCurrentOneInIfMatch() {
        String code = unique("body-tech");
        Api hr = as("hr");
        hr.post("/api/v1/positions", position(code, "after-sales", "workshop-supervisor"));
        Api.Response read = as("gm").get("/api/v1/positions/" + code);
        String etag = read.header("ETag");
        assertThat(etag).isEqualTo("\"" + read.json().get("version").asLong() + "\"");
        String body = position(code, "after-sales", "workshop-supervisor").replace("\"headcount\":2", "\"headcount\":4");

        Api.Response current = hr.header("If-Match", etag).put("/api/v1/positions/" + code, body);
        assertThat(current.status()).as(current.toString()).isEqualTo(200);
        assertThat(current.header("ETag")).isNotEqualTo(etag).isEqualTo("\"" + current.json().get("version").asLong() + "\"");
        assertThat(current.at("/headcount")).isEqualTo("4");

        Api.Response stale = hr.header("If-Match", etag).put("/api/v1/positions/" + code, body);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.isProblem()).isTrue();
        assertThat(stale.at("/type")).isEqualTo("https://forecourt.dev/problems/version-conflict");
        assertThat(stale.header("ETag")).isEqualTo(current.header("ETag"));

        Api.Response malformed = hr.header("If-Match", "yesterday").put("/api/v1/positions/" + code, body);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(fields(malformed)).containsExactly("If-Match");
    }

    @Test
    void departmentsAnswerTheirETagAndRefuseAStaleRename() {
        Api.Response read = as("gm").get("/api/v1/departments/finance");
        assertThat(read.status()).isEqualTo(200);
        String etag = read.header("ETag");
        assertThat(etag).isEqualTo("\"" + read.json().get("version").asLong() + "\"");
        String rename = "{\"nameZh\":\"财务部\",\"nameEn\":\"Finance\"}";

        Api.Response renamed = as("hr").header("If-Match", etag).put("/api/v1/departments/finance", rename);
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.header("ETag")).isNotEqualTo(etag);
        Api.Response stale = as("hr").header("If-Match", etag).put("/api/v1/departments/finance", rename);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.at("/type")).isEqualTo("https://forecourt.dev/problems/version-conflict");
        try (EventProbe probe = EventProbe.on("forecourt.hr.events")) {
            var event = probe.await(e -> "finance".equals(e.subject()) && "RENAMED".equals(e.data().get("change").asString()), "rename");
            EventSchemas.assertValid(event);
            assertThat(event.data().get("changedBy").asString()).isEqualTo("hr");
        }
    }

    @Test
    void missingFieldsAreNamedAndNothingIsWritten() {
        String code = unique("incomplete");
        Api.Response response = as("hr").post("/api/v1/positions", "{\"code\":\"" + code + "\",\"titleEn\":\"Incomplete\",\"headcount\":-1}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(fields(response)).contains("titleZh", "departmentCode", "duties", "qualifications", "headcount");
        assertThat(as("gm").get("/api/v1/positions/" + code).status()).isEqualTo(404);
    }

    @Test
    void anUnknownDepartmentIsRefusedWithTheFieldAndNothingIsWritten() {
        String code = unique("body-tech");
        Api.Response response = as("hr").post("/api/v1/positions", position(code, "body-shop", "workshop-supervisor"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.at("/type")).isEqualTo("https://forecourt.dev/problems/unknown-department");
        assertThat(fields(response)).containsExactly("departmentCode");
        assertThat(as("gm").get("/api/v1/positions/" + code).status()).isEqualTo(404);
    }

    @Test
    void aCycleInReportsToIsRefusedAndThePositionStaysAsItWas() {
        Api hr = as("hr");
        String upper = unique("team-lead");
        String lower = unique("team-member");
        hr.post("/api/v1/positions", position(upper, "after-sales", "workshop-supervisor"));
        hr.post("/api/v1/positions", position(lower, "after-sales", upper));
        long version = as("gm").get("/api/v1/positions/" + upper).json().get("version").asLong();

        Api.Response response = hr.put("/api/v1/positions/" + upper,
                position(upper, "after-sales", lower).replace("\"headcount\":2", "\"headcount\":2,\"version\":" + version));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.at("/type")).isEqualTo("https://forecourt.dev/problems/reports-to-cycle");
        assertThat(fields(response)).containsExactly("reportsTo");
        JsonNode unchanged = as("gm").get("/api/v1/positions/" + upper).json();
        assertThat(unchanged.get("reportsTo").asString()).isEqualTo("workshop-supervisor");
        assertThat(unchanged.get("version").asLong()).isEqualTo(version);
    }

    @Test
    void anEmptyPositionCanBeAbolishedButNotOneThatIsHeld() {
        Api hr = as("hr");
        String code = unique("body-tech");
        long version = hr.post("/api/v1/positions", position(code, "after-sales", "workshop-supervisor")).json().get("version").asLong();

        assertThat(hr.delete("/api/v1/positions/technician?version=" + as("gm").get("/api/v1/positions/technician").json().get("version").asLong())
                .status()).isEqualTo(409);
        Api.Response abolished = hr.delete("/api/v1/positions/" + code + "?version=" + version);
        assertThat(abolished.status()).isEqualTo(200);
        assertThat(abolished.at("/status")).isEqualTo("ABOLISHED");
        assertThat(as("gm").get("/api/v1/positions?size=200").json().get("items").valueStream()
                .map(p -> p.get("code").asString())).doesNotContain(code);
    }

    static List<String> fields(Api.Response problem) {
        return problem.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    private static JsonNode find(JsonNode items, String code) {
        return items.valueStream().filter(p -> code.equals(p.get("code").asString())).findFirst().orElseThrow();
    }

    private static void collect(JsonNode node, List<String> codes) {
        codes.add(node.get("code").asString());
        node.get("reports").forEach(child -> collect(child, codes));
    }

    private static JsonNode path(JsonNode root, String... codes) {
        JsonNode node = root;
        for (String code : codes) {
            node = child(node, code);
        }
        return node;
    }

    private static JsonNode child(JsonNode node, String code) {
        return node.get("reports").valueStream().filter(c -> code.equals(c.get("code").asString())).findFirst()
                .orElseThrow(() -> new AssertionError(code + " does not report to " + node.get("code")));
    }
}
