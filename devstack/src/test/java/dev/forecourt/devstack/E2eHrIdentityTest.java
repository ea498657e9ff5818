package dev.forecourt.devstack;

import static dev.forecourt.devstack.FlowSupport.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import dev.forecourt.devstack.FlowSupport.Staff;
import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Staff identity through the gateway: the position catalogue, the org chart, who may change it, logins and forged tokens. */
class E2eHrIdentityTest {

    @Test
    void theGeneralManagerSeesTheWholePositionCatalogueAndTheOrgChartRootedAtTheGeneralManager() {
        Staff gm = Staff.login("gm");
        assertThat(gm.token()).isNotBlank();
        assertThat(gm.position()).isEqualTo("general-manager");

        Api.Response positions = expect(gm.api().get("/api/v1/positions?size=200"), 200);
        JsonNode items = positions.json().path("items");
        assertThat(items.size()).isGreaterThanOrEqualTo(25);
        assertThat(positions.json().path("total").asInt()).isGreaterThanOrEqualTo(25);
        for (JsonNode position : items) {
            String code = position.path("code").asString();
            assertThat(position.path("titleZh").asString()).as("titleZh of %s", code).isNotBlank();
            assertThat(position.path("titleEn").asString()).as("titleEn of %s", code).isNotBlank();
            assertThat(position.path("duties").isArray() && !position.path("duties").isEmpty()).as("duties of %s", code).isTrue();
            JsonNode qualifications = position.path("qualifications");
            assertThat(qualifications.path("education").asString()).as("education of %s", code).isNotBlank();
            assertThat(qualifications.path("knowledge").isEmpty()).as("knowledge of %s", code).isFalse();
            assertThat(qualifications.path("abilities").isEmpty()).as("abilities of %s", code).isFalse();
        }

        Api.Response chart = expect(gm.api().get("/api/v1/org-chart"), 200);
        assertThat(chart.at("/code")).isEqualTo("general-manager");
        assertThat(chart.at("/titleZh")).isEqualTo("总经理");
        assertThat(chart.json().path("reports").size()).isGreaterThan(1);
        // every active position hangs somewhere under the general manager
        assertThat(codesIn(chart.json())).hasSize(items.size());
    }

    @Test
    void anAdvisorMayNotCreateAPositionButHrMayAndItsPositionChangedEventIsOnKafka() {
        String code = "e2e-trainee-" + FlowSupport.lowerAlnum(8);
        String body = """
                {"code":"%s","titleZh":"售后见习生","titleEn":"After-sales trainee","departmentCode":"after-sales",
                 "reportsTo":"service-advisor","duties":["Assists the service advisors at reception","Keeps the customer lounge informed"],
                 "qualifications":{"education":"大专 / college diploma","yearsOfExperience":0,
                   "knowledge":["Basic vehicle technology"],"abilities":["Friendly communication"],"certificates":[]},
                 "headcount":2}""".formatted(code);

        Api.Response refused = Staff.login("advisor").api().post("/api/v1/positions", body);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.isProblem()).as("%s", refused.contentType()).isTrue();
        Staff gm = Staff.login("gm");
        assertThat(gm.api().get("/api/v1/positions/" + code).status()).as("nothing written by the refused request").isEqualTo(404);

        Api.Response created = expect(Staff.login("hr").api().post("/api/v1/positions", body), 201);
        assertThat(created.header("Location")).endsWith("/api/v1/positions/" + code);
        assertThat(created.at("/titleEn")).isEqualTo("After-sales trainee");
        assertThat(expect(gm.api().get("/api/v1/positions/" + code), 200).at("/reportsTo")).isEqualTo("service-advisor");

        try (EventProbe hrEvents = EventProbe.on(RunningStack.KAFKA, "forecourt.hr.events")) {
            EventProbe.ReceivedEvent changed = hrEvents.await("forecourt.hr.position-changed.v1", code);
            assertThat(changed.key()).isEqualTo(code);
            assertThat(changed.data().path("change").asString()).isEqualTo("CREATED");
            assertThat(changed.data().path("changedBy").asString()).isEqualTo("hr");
            EventSchemas.assertValid(changed);
        }
    }

    @Test
    void fiveWrongPasswordsHoldTheUsernameBackWith429AndRetryAfter() {
        // a fresh employee, so no demo account the other flows use is locked
        String username = "e2e-lock-" + FlowSupport.lowerAlnum(6);
        expect(Staff.login("hr").api().post("/api/v1/employees", """
                {"username":"%s","name":"锁定 测试","positionCode":"cashier","initialPassword":"right-password-1"}"""
                .formatted(username)), 201);
        // (no login of her own yet: an address she signed in from before would be let through the username hold)

        List<Integer> answers = new ArrayList<>();
        Api.Response last = null;
        for (int i = 0; i < 5; i++) {
            last = RunningStack.gateway().post("/api/v1/auth/token",
                    "{\"username\":\"" + username + "\",\"password\":\"wrong-password-" + i + "\"}");
            answers.add(last.status());
        }
        // from the fifth failure in a row the username is held back, for a delay that grows with each further one
        assertThat(answers).containsExactly(401, 401, 401, 401, 429);
        assertThat(last.isProblem()).isTrue();
        assertThat(last.header("Retry-After")).isNotBlank();
        assertThat(Long.parseLong(last.header("Retry-After"))).isPositive();

        Api.Response evenTheRightPassword = RunningStack.gateway().post("/api/v1/auth/token",
                "{\"username\":\"" + username + "\",\"password\":\"right-password-1\"}");
        assertThat(evenTheRightPassword.status()).isEqualTo(429);
    }

    @Test
    void theGatewayRefusesUnsignedTamperedAlgNoneAndHmacTokensWith401Problems() throws Exception {
        String genuine = Staff.login("advisor").token();
        assertThat(RunningStack.gateway().as(genuine).get("/api/v1/appointments").status()).isEqualTo(200);

        String[] parts = genuine.split("\\.");
        ObjectNode payload = (ObjectNode) FlowSupport.claimsOf(genuine);
        payload.put("position", "general-manager");
        payload.putArray("permissions").add("positions:write").add("employees:write").add("roles:write");
        String forgedPayload = b64(FlowSupport.json(payload));

        String tampered = parts[0] + "." + forgedPayload + "." + parts[2];
        String unsigned = parts[0] + "." + parts[1] + ".";
        String algNone = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + forgedPayload + ".";
        String hmacHeaderAndPayload = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + forgedPayload;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(expect(RunningStack.gateway().get("/.well-known/jwks.json"), 200).body()
                .getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String hmac = hmacHeaderAndPayload + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(hmacHeaderAndPayload.getBytes(StandardCharsets.US_ASCII)));

        for (String forged : List.of(tampered, unsigned, algNone, hmac)) {
            Api.Response read = RunningStack.gateway().as(forged).get("/api/v1/appointments");
            assertThat(read.status()).as("GET with %s", forged).isEqualTo(401);
            assertThat(read.isProblem()).as("%s", read.contentType()).isTrue();
            assertThat(read.at("/type")).isEqualTo("https://forecourt.dev/problems/unauthorized");
            Api.Response write = RunningStack.gateway().as(forged).post("/api/v1/positions", "{}");
            assertThat(write.status()).as("POST with %s", forged).isEqualTo(401);
        }
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> codesIn(JsonNode node) {
        List<String> codes = new ArrayList<>();
        codes.add(node.path("code").asString());
        for (JsonNode report : node.path("reports")) {
            codes.addAll(codesIn(report));
        }
        return codes;
    }
}
