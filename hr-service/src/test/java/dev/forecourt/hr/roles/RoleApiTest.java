package dev.forecourt.hr.roles;

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

class RoleApiTest extends HrServiceTestBase {

    @Test
    void thePermissionMatrixShowsWhoMayDoWhat() {
        Api.Response response = as("hr").get("/api/v1/roles");

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("permissions").size()).isEqualTo(PermissionCatalogue.ALL.size());
        assertThat(permissionsOf(body, "general-manager")).containsExactlyInAnyOrderElementsOf(PermissionCatalogue.NAMES);
        assertThat(holders(body, "claims:submit")).containsExactlyInAnyOrder("general-manager", "warranty-administrator");
        assertThat(holders(body, "parts:issue")).containsExactlyInAnyOrder("general-manager", "parts-manager", "parts-storekeeper");
        assertThat(holders(body, "repair-orders:dispatch")).contains("workshop-supervisor").doesNotContain("technician", "service-advisor");
        assertThat(holders(body, "positions:write")).containsExactlyInAnyOrder("general-manager", "hr-specialist");
        assertThat(holders(body, "parts:reserve")).contains("svc-workshop");
        JsonNode advisor = role(body, "service-advisor");
        assertThat(advisor.get("positions").valueStream().map(JsonNode::asString)).containsExactly("service-advisor");
        assertThat(body.get("roles").valueStream().flatMap(r -> r.get("permissions").valueStream()).map(JsonNode::asString))
                .allMatch(PermissionCatalogue::exists);
    }

    @Test
    void codesLongerThan64CharactersAreRefusedAndNothingIsCreated() {
        String longCode = "x".repeat(65);
        Api.Response role = as("hr").put("/api/v1/roles/" + longCode, "{\"permissions\":[]}");
        assertThat(role.status()).isEqualTo(400);
        assertThat(role.isProblem()).isTrue();
        assertThat(as("hr").get("/api/v1/roles/" + longCode).status()).isEqualTo(404);

        Api.Response department = as("hr").post("/api/v1/departments",
                "{\"code\":\"" + longCode + "\",\"nameZh\":\"长\",\"nameEn\":\"Long\"}");
        assertThat(department.status()).isEqualTo(400);
        assertThat(department.isProblem()).isTrue();
    }

    @Test
    void theGeneralManagerChangesARolesPermissionsAndTheNextTokenCarriesThem() {
        String username = unique("trainer");
        as("hr").post("/api/v1/employees", """
                {"username":"%s","name":"培训 Trainer","positionCode":"internal-trainer","initialPassword":"trainer-pass-1"}
                """.formatted(username));
        JsonNode role = as("gm").get("/api/v1/roles/internal-trainer").json();
        List<String> wanted = new ArrayList<>(role.get("permissions").valueStream().map(JsonNode::asString).toList());
        wanted.add("claims:read");
        wanted.remove("repair-orders:read");

        Api.Response changed = as("gm").put("/api/v1/roles/internal-trainer", "{\"permissions\":" + json(wanted) + ",\"version\":"
                + role.get("version").asLong() + "}");

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        try (EventProbe probe = EventProbe.on("forecourt.hr.events")) {
            var event = probe.await(e -> "internal-trainer".equals(e.subject())
                    && e.type().equals("forecourt.hr.role-permissions-changed.v1")
                    && e.data().get("granted").valueStream().anyMatch(p -> p.asString().equals("claims:read")), "grant of claims:read");
            EventSchemas.assertValid(event);
            assertThat(event.data().get("revoked").valueStream().map(JsonNode::asString)).containsExactly("repair-orders:read");
        }
        JsonNode claims = Logins.claims(Logins.loginOk(port, username, "trainer-pass-1").at("/accessToken"));
        assertThat(claims.get("permissions").valueStream().map(JsonNode::asString)).contains("claims:read").doesNotContain("repair-orders:read");
    }

    @Test
    void unknownPermissionsAreRefusedWithTheirPositionsAndNothingChanges() {
        JsonNode role = as("hr").get("/api/v1/roles/cashier").json();

        Api.Response response = as("gm").put("/api/v1/roles/cashier",
                "{\"permissions\":[\"sales-orders:read\",\"parts:steal\",\"cash:open\"],\"version\":" + role.get("version").asLong() + "}");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.at("/type")).isEqualTo("https://forecourt.dev/problems/unknown-permission");
        assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactly("permissions[1]", "permissions[2]");
        assertThat(as("hr").get("/api/v1/roles/cashier").json().get("version").asLong()).isEqualTo(role.get("version").asLong());
    }

    @Test
    void onlyHrMayChangeRolesAndOnlyThoseWithRolesReadSeeTheMatrix() {
        assertThat(as("advisor").get("/api/v1/roles").status()).isEqualTo(403);
        Api.Response refused = as("advisor").put("/api/v1/roles/service-advisor", "{\"permissions\":[\"positions:write\"],\"version\":0}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.isProblem()).isTrue();
    }

    @Test
    void everyPermissionCanBeListed() {
        Api.Response response = as("gm").get("/api/v1/permissions");

        assertThat(response.json().valueStream().map(p -> p.get("name").asString()))
                .contains("parts:issue", "claims:submit", "repair-orders:dispatch", "roles:write");
    }

    private static String json(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").reduce((a, b) -> a + "," + b).map(s -> "[" + s + "]").orElse("[]");
    }

    private static JsonNode role(JsonNode matrix, String code) {
        return matrix.get("roles").valueStream().filter(r -> code.equals(r.get("code").asString())).findFirst().orElseThrow();
    }

    private static List<String> permissionsOf(JsonNode matrix, String code) {
        return role(matrix, code).get("permissions").valueStream().map(JsonNode::asString).toList();
    }

    private static List<String> holders(JsonNode matrix, String permission) {
        return matrix.at("/matrix/" + permission.replace("~", "~0").replace("/", "~1")).valueStream().map(JsonNode::asString).toList();
    }
}
