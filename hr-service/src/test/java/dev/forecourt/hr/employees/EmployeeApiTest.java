package dev.forecourt.hr.employees;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.forecourt.hr.HrServiceTestBase;
import dev.forecourt.hr.Logins;
import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;
import tools.jackson.databind.JsonNode;

class EmployeeApiTest extends HrServiceTestBase {

    @Autowired
    Employees employees;

    private Api.Response hire(String username, String position, String skillsJson) {
        return as("hr").post("/api/v1/employees", """
                {"username":"%s","name":"李师傅 Li","positionCode":"%s","skills":%s,"hiredOn":"2025-03-01","initialPassword":"welcome-2025"}
                """.formatted(username, position, skillsJson));
    }

    @Test
    void hiringATechnicianWithSkillsPublishesEmployeeHired() {
        String username = unique("tech");
        Api.Response hired = hire(username, "technician",
                "[{\"skill\":\"engine\",\"level\":4,\"certificate\":\"汽车维修工 技师\",\"certifiedOn\":\"2023-06-30\"},{\"skill\":\"electrical\",\"level\":2}]");

        assertThat(hired.status()).as(hired.toString()).isEqualTo(201);
        String id = hired.at("/id");
        assertThat(hired.header("Location")).isEqualTo("/api/v1/employees/" + id);
        assertThat(hired.at("/departmentCode")).isEqualTo("after-sales");
        assertThat(hired.json().has("passwordHash")).isFalse();
        try (EventProbe probe = EventProbe.on("forecourt.hr.events")) {
            var event = probe.await("forecourt.hr.employee-hired.v1", id);
            EventSchemas.assertValid(event);
            assertThat(event.data().get("username").asString()).isEqualTo(username);
            assertThat(event.data().get("positionCode").asString()).isEqualTo("technician");
            assertThat(event.data().get("active").asBoolean()).isTrue();
            assertThat(event.data().at("/skills/0/level").asInt()).isEqualTo(4);
        }
    }

    @Test
    void staffHiredTogetherWithOnePasswordShareItsHashAndEachLogsIn() {
        String first = unique("opening-a");
        String second = unique("opening-b");
        String third = unique("opening-c");
        List<Employee> hired = employees.hireAll(List.of(
                new Employees.Hiring(first, "钱一 Qian Yi", "technician", List.of(), null, "opening-day-1"),
                new Employees.Hiring(second, "钱二 Qian Er", "service-advisor", List.of(), null, "opening-day-1"),
                new Employees.Hiring(third, "钱三 Qian San", "cashier", List.of(), null, "another-secret-2")), Actor.system("test"));

        assertThat(hired).extracting(Employee::getUsername).containsExactly(first, second, third);
        assertThat(hired.get(0).getPasswordHash()).isEqualTo(hired.get(1).getPasswordHash()).isNotEqualTo(hired.get(2).getPasswordHash());
        assertThat(Logins.login(port, first, "opening-day-1").status()).isEqualTo(200);
        assertThat(Logins.login(port, second, "opening-day-1").status()).isEqualTo(200);
        assertThat(Logins.login(port, third, "another-secret-2").status()).isEqualTo(200);
        assertThat(Logins.login(port, third, "opening-day-1").status()).isEqualTo(401);
        try (EventProbe probe = EventProbe.on("forecourt.hr.events")) {
            hired.forEach(employee -> probe.await("forecourt.hr.employee-hired.v1", employee.getId()));
        }
    }

    @Test
    void theWorkshopFindsTechniciansBySkillAndLevel() {
        String senior = unique("senior");
        String junior = unique("junior");
        hire(senior, "electrical-technician", "[{\"skill\":\"hv-battery\",\"level\":4}]");
        hire(junior, "technician", "[{\"skill\":\"hv-battery\",\"level\":1}]");

        assertThat(usernames(as("foreman").get("/api/v1/employees?skill=hv-battery&size=200"))).contains(senior, junior);
        assertThat(usernames(as("foreman").get("/api/v1/employees?skill=hv-battery&minLevel=3&size=200"))).contains(senior).doesNotContain(junior);
        assertThat(usernames(as("foreman").get("/api/v1/employees?position=technician&size=200"))).contains(junior, "technician").doesNotContain(senior);
        assertThat(usernames(as("foreman").get("/api/v1/employees?department=after-sales&size=200")))
                .contains(senior, junior, "advisor", "foreman").doesNotContain("sales", "storekeeper");
    }

    @Test
    void aTransferMovesTheEmployeeAndPublishesEmployeeAssigned() {
        String username = unique("mover");
        JsonNode hired = hire(username, "technician", "[]").json();
        String id = hired.get("id").asString();

        Api.Response moved = as("hr").post("/api/v1/employees/" + id + "/assign",
                "{\"positionCode\":\"technical-support-specialist\",\"effectiveOn\":\"2025-09-01\",\"version\":" + hired.get("version").asLong() + "}");

        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.at("/positionCode")).isEqualTo("technical-support-specialist");
        assertThat(moved.json().get("assignments").size()).isEqualTo(2);
        assertThat(moved.at("/assignments/0/to")).isEqualTo("2025-09-01");
        try (EventProbe probe = EventProbe.on("forecourt.hr.events")) {
            var event = probe.await("forecourt.hr.employee-assigned.v1", id);
            EventSchemas.assertValid(event);
            assertThat(event.data().get("previousPositionCode").asString()).isEqualTo("technician");
            assertThat(event.data().get("positionCode").asString()).isEqualTo("technical-support-specialist");
        }
        Api.Response unknown = as("hr").post("/api/v1/employees/" + id + "/assign", "{\"positionCode\":\"astronaut\"}");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().at("/errors/0/field").asString()).isEqualTo("positionCode");
    }

    @Test
    void recordingSkillsPublishesTheAssignmentAsItNowStands() {
        String id = hire(unique("learner"), "technician", "[{\"skill\":\"engine\",\"level\":1}]").at("/id");

        Api.Response recorded = as("hr").put("/api/v1/employees/" + id + "/skills",
                "{\"skills\":[{\"skill\":\"engine\",\"level\":2,\"certificate\":\"汽车维修工 中级\"},{\"skill\":\"maintenance\",\"level\":3}]}");

        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(200);
        assertThat(recorded.json().get("skills").size()).isEqualTo(2);
        try (EventProbe probe = EventProbe.on("forecourt.hr.events")) {
            var event = probe.await("forecourt.hr.employee-assigned.v1", id);
            EventSchemas.assertValid(event);
            assertThat(event.data().at("/skills/1/skill").asString()).isEqualTo("maintenance");
            var skillsChanged = probe.await("forecourt.hr.employee-skills-changed.v1", id);
            EventSchemas.assertValid(skillsChanged);
            assertThat(skillsChanged.data().at("/skills/0/level").asInt()).isEqualTo(2);
            assertThat(skillsChanged.data().at("/previousSkills/0/level").asInt()).isEqualTo(1);
            assertThat(skillsChanged.data().get("changedBy").asString()).isEqualTo("hr");
        }
        Api.Response badLevel = as("hr").put("/api/v1/employees/" + id + "/skills", "{\"skills\":[{\"skill\":\"engine\",\"level\":9}]}");
        assertThat(badLevel.status()).isEqualTo(400);
    }

    @Test
    void anEmployeeAnswersItsETagAndAStaleIfMatchIsRefused() {
        String id = hire(unique("tagged"), "technician", "[]").at("/id");
        Api.Response read = as("hr").get("/api/v1/employees/" + id);
        String etag = read.header("ETag");
        assertThat(etag).isEqualTo("\"" + read.json().get("version").asLong() + "\"");
        String skills = "{\"skills\":[{\"skill\":\"engine\",\"level\":2}]}";

        Api.Response recorded = as("hr").header("If-Match", etag).put("/api/v1/employees/" + id + "/skills", skills);
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(200);
        assertThat(recorded.header("ETag")).isNotEqualTo(etag);
        Api.Response stale = as("hr").header("If-Match", etag).post("/api/v1/employees/" + id + "/assign", "{\"positionCode\":\"cashier\"}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.at("/type")).isEqualTo("https://forecourt.dev/problems/version-conflict");
        assertThat(as("hr").get("/api/v1/employees/" + id).at("/positionCode")).isEqualTo("technician");
    }

    @Test
    void leavingPublishesEmployeeLeftAndCannotHappenTwice() {
        String id = hire(unique("leaver"), "sales-consultant", "[]").at("/id");

        Api.Response left = as("hr").post("/api/v1/employees/" + id + "/leave", "{\"leftOn\":\"2025-12-31\",\"reason\":\"contract ended\"}");

        assertThat(left.status()).isEqualTo(200);
        assertThat(left.at("/status")).isEqualTo("LEFT");
        try (EventProbe probe = EventProbe.on("forecourt.hr.events")) {
            var event = probe.await("forecourt.hr.employee-left.v1", id);
            EventSchemas.assertValid(event);
            assertThat(event.data().get("leftOn").asString()).isEqualTo("2025-12-31");
        }
        Api.Response again = as("hr").post("/api/v1/employees/" + id + "/leave", "{}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.at("/currentState")).isEqualTo("LEFT");
        assertThat(usernames(as("hr").get("/api/v1/employees?status=LEFT&size=200"))).contains(left.at("/username"));
    }

    @Test
    void badHiresAreRefusedWithTheirFields() {
        Api.Response missing = as("hr").post("/api/v1/employees", "{\"username\":\"Bad Name!\",\"initialPassword\":\"short\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .contains("username", "name", "positionCode", "initialPassword");

        String username = unique("twice");
        assertThat(hire(username, "cashier", "[]").status()).isEqualTo(201);
        assertThat(hire(username, "cashier", "[]").status()).isEqualTo(409);

        Api.Response unknownPosition = hire(unique("lost"), "astronaut", "[]");
        assertThat(unknownPosition.status()).isEqualTo(422);
        assertThat(unknownPosition.at("/type")).isEqualTo("https://forecourt.dev/problems/unknown-position");
    }

    @Test
    void theStaffDirectoryIsReadableByThoseWhoAssignWorkWithoutTheHrFile() {
        for (String assigner : List.of("crm", "advisor", "foreman", "showroom")) {
            Api.Response directory = as(assigner).get("/api/v1/employees/directory?position=service-advisor&size=200");
            assertThat(usernames(directory)).as(assigner).contains("advisor");
            assertThat(directory.json().at("/items/0").has("assignments")).isFalse();
            assertThat(directory.json().at("/items/0").has("leaveReason")).isFalse();
        }
        assertThat(as("crm").get("/api/v1/employees/" + as("hr").get("/api/v1/employees?position=service-advisor").at("/items/0/id"))
                .status()).as("the HR file stays with HR").isEqualTo(403);
        assertThat(as("technician").get("/api/v1/employees/directory").status()).isEqualTo(403);
    }

    @Test
    void theDemoHasSomeoneWhoResolvesComplaintsAndACashier() {
        assertThat(permissionsOf("servicemanager")).contains("complaints:resolve", "complaints:write", "daily-reports:sign", "rework-requests:write");
        assertThat(permissionsOf("cashier")).contains("bills:write", "repair-orders:read", "sales-orders:read");
        assertThat(permissionsOf("advisor")).contains("complaints:write", "bills:write", "purchase-orders:read", "staff:read");
        assertThat(permissionsOf("crm")).contains("repair-orders:read", "sales-orders:read", "marketing-lists:write");
        assertThat(permissionsOf("salesmanager")).contains("complaints:read", "complaints:write", "sales-orders:refund");
        assertThat(permissionsOf("showroom")).contains("complaints:write", "delivery-appointments:write");
        assertThat(permissionsOf("sales")).contains("callbacks:perform");
        assertThat(permissionsOf("hr")).doesNotContain("security:admin");
        assertThat(permissionsOf("gm")).contains("security:admin", "bills:write", "marketing-lists:write");
    }

    private List<String> permissionsOf(String username) {
        return dev.forecourt.hr.Logins.claims(dev.forecourt.hr.Logins.tokenOf(port, username)).get("permissions").valueStream()
                .map(JsonNode::asString).toList();
    }

    @Test
    void onlyStaffWithEmployeePermissionsSeeOrChangeEmployees() {
        assertThat(as("sales").get("/api/v1/employees").status()).isEqualTo(403);
        String valid = "{\"username\":\"%s\",\"name\":\"X\",\"positionCode\":\"technician\",\"initialPassword\":\"welcome-2025\"}"
                .formatted(unique("friend"));
        Api.Response refused = as("foreman").post("/api/v1/employees", valid);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.isProblem()).isTrue();
    }

    private static List<String> usernames(Api.Response list) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.json().get("items").valueStream().map(e -> e.get("username").asString()).toList();
    }
}
