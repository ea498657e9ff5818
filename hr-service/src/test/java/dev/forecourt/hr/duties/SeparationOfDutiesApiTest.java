package dev.forecourt.hr.duties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.forecourt.hr.HrServiceTestBase;
import dev.forecourt.hr.Logins;
import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;
import tools.jackson.databind.JsonNode;

/** The attacks of an HR specialist (or anyone) on the separation of duties, one test each. */
class SeparationOfDutiesApiTest extends HrServiceTestBase {

    private static final String SOD = "https://forecourt.dev/problems/separation-of-duties";

    @Test
    void anHrSpecialistCannotAddPermissionsToHerOwnRole() {
        JsonNode role = as("hr").get("/api/v1/roles/hr-specialist").json();
        List<String> more = new ArrayList<>(strings(role.get("permissions")));
        more.add("claims:read");

        Api.Response refused = as("hr").put("/api/v1/roles/hr-specialist", "{\"permissions\":" + json(more) + "}");

        assertRefused(refused);
        JsonNode after = as("hr").get("/api/v1/roles/hr-specialist").json();
        assertThat(after.get("version").asLong()).isEqualTo(role.get("version").asLong());
        assertThat(strings(after.get("permissions"))).doesNotContain("claims:read");
        String token = Logins.loginOk(port, "hr", Logins.DEMO_PASSWORD).at("/accessToken");
        assertThat(strings(Logins.claims(token).get("permissions"))).doesNotContain("claims:read", "security:admin");
    }

    @Test
    void evenTheGeneralManagerCannotChangeHisOwnRole() {
        JsonNode role = as("gm").get("/api/v1/roles/general-manager").json();
        List<String> fewer = new ArrayList<>(strings(role.get("permissions")));
        fewer.remove("claims:read");

        assertRefused(as("gm").put("/api/v1/roles/general-manager", "{\"permissions\":" + json(fewer) + "}"));
    }

    @Test
    void anHrSpecialistCannotGrantPermissionsToAnotherRole() {
        JsonNode role = as("hr").get("/api/v1/roles/technician").json();
        List<String> more = new ArrayList<>(strings(role.get("permissions")));
        more.add("parts:issue");

        Api.Response refused = as("hr").put("/api/v1/roles/technician", "{\"permissions\":" + json(more) + "}");

        assertRefused(refused);
        assertThat(refused.at("/requiredPermission")).isEqualTo("security:admin");
        assertThat(strings(as("hr").get("/api/v1/roles/technician").json().get("permissions"))).doesNotContain("parts:issue");
    }

    @Test
    void anHrSpecialistCannotDefineANewRoleThatGrantsAnything() {
        String code = unique("backdoor");
        assertRefused(as("hr").put("/api/v1/roles/" + code, "{\"permissions\":[\"parts:issue\"]}"));
        assertThat(as("hr").get("/api/v1/roles/" + code).status()).isEqualTo(404);
    }

    @Test
    void theGeneralManagerChangesAnotherRoleAndTheEventSaysWhoAndWhen() {
        JsonNode role = as("gm").get("/api/v1/roles/internal-trainer").json();
        List<String> more = new ArrayList<>(strings(role.get("permissions")));
        more.add("crm-reports:read");

        Api.Response changed = as("gm").header("If-Match", "\"" + role.get("version").asLong() + "\"")
                .put("/api/v1/roles/internal-trainer", "{\"permissions\":" + json(more) + "}");

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.header("ETag")).isEqualTo("\"" + changed.json().get("version").asLong() + "\"");
        String gmId = Logins.claims(Logins.tokenOf(port, "gm")).get("sub").asString();
        try (EventProbe probe = EventProbe.on("forecourt.hr.events")) {
            var event = probe.await(e -> "internal-trainer".equals(e.subject())
                    && e.type().equals("forecourt.hr.role-permissions-changed.v1")
                    && strings(e.data().get("granted")).contains("crm-reports:read"), "grant of crm-reports:read");
            EventSchemas.assertValid(event);
            assertThat(event.data().get("changedBy").asString()).isEqualTo("gm");
            assertThat(event.data().get("changedById").asString()).isEqualTo(gmId);
            assertThat(event.data().get("changedAt").asString()).isNotBlank();
        }
    }

    @Test
    void anHrSpecialistCannotResetTheGeneralManagersPassword() {
        String gmId = Logins.claims(Logins.tokenOf(port, "gm")).get("sub").asString();

        Api.Response refused = as("hr").put("/api/v1/employees/" + gmId + "/password", "{\"password\":\"taken-over-1\"}");

        assertRefused(refused);
        assertThat(refused.at("/requiredPermission")).isEqualTo("security:admin");
        assertThat(Logins.login(port, "gm", "taken-over-1").status()).isEqualTo(401);
        Logins.loginOk(port, "gm", Logins.DEMO_PASSWORD);
    }

    @Test
    void anHrSpecialistCannotTakeOverAnyAccountThatCanDoMoreThanHers() {
        String advisorId = Logins.claims(Logins.tokenOf(port, "advisor")).get("sub").asString();

        assertRefused(as("hr").put("/api/v1/employees/" + advisorId + "/password", "{\"password\":\"taken-over-1\"}"));
    }

    @Test
    void theGeneralManagerResetsAForgottenPasswordAndTheEventSaysWhoDidIt() {
        String username = unique("forgetful");
        String id = as("hr").post("/api/v1/employees", """
                {"username":"%s","name":"忘记 Forgetful","positionCode":"sales-consultant","initialPassword":"first-pass-1"}
                """.formatted(username)).at("/id");

        Api.Response reset = as("gm").put("/api/v1/employees/" + id + "/password", "{\"password\":\"second-pass-2\"}");

        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
        Logins.loginOk(port, username, "second-pass-2");
        try (EventProbe probe = EventProbe.on("forecourt.hr.events")) {
            var event = probe.await("forecourt.hr.employee-password-changed.v1", id);
            EventSchemas.assertValid(event);
            assertThat(event.data().get("own").asBoolean()).isFalse();
            assertThat(event.data().get("changedBy").asString()).isEqualTo("gm");
            assertThat(event.data().toString()).doesNotContain("second-pass-2").doesNotContain("$2a$");
        }
    }

    @Test
    void anHrSpecialistStillResetsThePasswordOfAColleagueWhoCanDoNoMoreThanShe() {
        String id = as("gm").post("/api/v1/employees", """
                {"username":"%s","name":"同事 Colleague","positionCode":"hr-specialist","initialPassword":"first-pass-1"}
                """.formatted(unique("colleague"))).at("/id");

        assertThat(as("hr").put("/api/v1/employees/" + id + "/password", "{\"password\":\"second-pass-2\"}").status()).isEqualTo(200);
    }

    @Test
    void nobodyMovesThemselvesIntoAnotherPosition() {
        String hrId = Logins.claims(Logins.tokenOf(port, "hr")).get("sub").asString();
        String gmId = Logins.claims(Logins.tokenOf(port, "gm")).get("sub").asString();

        assertRefused(as("hr").post("/api/v1/employees/" + hrId + "/assign", "{\"positionCode\":\"general-manager\"}"));
        assertRefused(as("hr").post("/api/v1/employees/" + hrId + "/assign", "{\"positionCode\":\"cashier\"}"));
        assertRefused(as("gm").post("/api/v1/employees/" + gmId + "/assign", "{\"positionCode\":\"deputy-general-manager\"}"));
        assertThat(as("hr").get("/api/v1/employees/" + hrId).at("/positionCode")).isEqualTo("hr-specialist");
    }

    @Test
    void anHrSpecialistCannotHireAnAccompliceAsGeneralManager() {
        String username = unique("accomplice");
        Api.Response refused = as("hr").post("/api/v1/employees", """
                {"username":"%s","name":"同伙 Accomplice","positionCode":"general-manager","initialPassword":"accomplice-1"}
                """.formatted(username));

        assertRefused(refused);
        assertThat(Logins.login(port, username, "accomplice-1").status()).isEqualTo(401);
    }

    @Test
    void anHrSpecialistCannotMoveAColleagueIntoThePositionOfTheGeneralManager() {
        JsonNode hired = as("hr").post("/api/v1/employees", """
                {"username":"%s","name":"同事 Colleague","positionCode":"cashier","initialPassword":"first-pass-1"}
                """.formatted(unique("promoted"))).json();

        assertRefused(as("hr").post("/api/v1/employees/" + hired.get("id").asString() + "/assign", "{\"positionCode\":\"general-manager\"}"));
        Api.Response byTheGm = as("gm").post("/api/v1/employees/" + hired.get("id").asString() + "/assign",
                "{\"positionCode\":\"deputy-general-manager\"}");
        assertThat(byTheGm.status()).as(byTheGm.toString()).isEqualTo(200);
    }

    @Test
    void anHrSpecialistCannotLetTheGeneralManagerGo() {
        String gmId = Logins.claims(Logins.tokenOf(port, "gm")).get("sub").asString();

        assertRefused(as("hr").post("/api/v1/employees/" + gmId + "/leave", "{\"reason\":\"coup\"}"));
        assertThat(as("hr").get("/api/v1/employees/" + gmId).at("/status")).isEqualTo("ACTIVE");
    }

    @Test
    void anHrSpecialistCannotRedefineHerOwnPosition() {
        JsonNode own = as("hr").get("/api/v1/positions/hr-specialist").json();

        Api.Response refused = as("hr").put("/api/v1/positions/hr-specialist", positionBody(own, "hr-specialist", own.get("headcount").asInt() + 1));

        assertRefused(refused);
        assertThat(as("hr").get("/api/v1/positions/hr-specialist").json().get("version").asLong()).isEqualTo(own.get("version").asLong());
    }

    @Test
    void anHrSpecialistCannotPointAPositionAtAMorePowerfulRole() {
        JsonNode cashier = as("hr").get("/api/v1/positions/cashier").json();

        assertRefused(as("hr").put("/api/v1/positions/cashier", positionBody(cashier, "general-manager", cashier.get("headcount").asInt())));
        assertThat(as("hr").get("/api/v1/positions/cashier").at("/roleCode")).isEqualTo("cashier");
        Api.Response headcountOnly = as("hr").put("/api/v1/positions/cashier", positionBody(cashier, "cashier", cashier.get("headcount").asInt()));
        assertThat(headcountOnly.status()).as(headcountOnly.toString()).isEqualTo(200);
    }

    @Test
    void onlyTheGeneralManagerRotatesTheSigningKeys() {
        assertThat(as("hr").post("/api/v1/auth/keys/rotate").status()).isEqualTo(403);
        assertThat(as("advisor").post("/api/v1/auth/keys/rotate").status()).isEqualTo(403);
    }

    private static String positionBody(JsonNode p, String roleCode, int headcount) {
        return """
                {"titleZh":%s,"titleEn":%s,"departmentCode":%s,"reportsTo":%s,"duties":%s,"qualifications":%s,"headcount":%d,"roleCode":"%s"}
                """.formatted(p.get("titleZh"), p.get("titleEn"), p.get("departmentCode"), p.get("reportsTo"), p.get("duties"),
                p.get("qualifications"), headcount, roleCode);
    }

    private static void assertRefused(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.at("/type")).isEqualTo(SOD);
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    private static String json(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").reduce((a, b) -> a + "," + b).map(s -> "[" + s + "]").orElse("[]");
    }
}
