package dev.forecourt.devstack;

import static dev.forecourt.devstack.FlowSupport.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.test.Api;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One shape in every service, through the gateway: a versioned resource answers its version as
 * {@code ETag}; a change sent with a stale {@code If-Match} gets the one documented answer (409
 * {@code version-conflict} with the current ETag) and changes nothing; with the current one it
 * succeeds and answers the new ETag.
 */
class E2eConditionalUpdatesTest {

    /** GET, change with the current ETag, then the same change with the old one. */
    private static void conditional(Api api, String resource, String method, String changePath, String body) {
        Api.Response read = expect(api.get(resource), 200);
        String etag = read.header("ETag");
        assertThat(etag).as(resource + " answers its version").isNotBlank();
        Api.Response changed = api.header("If-Match", etag).send(method, changePath, body);
        assertThat(changed.status()).as(method + " " + changePath + " with the current ETag: " + changed).isBetween(200, 201);
        assertThat(changed.header("ETag")).as("the new version").isNotBlank().isNotEqualTo(etag);
        Api.Response stale = api.header("If-Match", etag).send(method, changePath, body);
        assertThat(stale.status()).as("the same change from the old version: " + stale).isEqualTo(409);
        assertThat(stale.isProblem()).isTrue();
        assertThat(stale.at("/type")).isEqualTo("https://forecourt.dev/problems/version-conflict");
        assertThat(stale.header("ETag")).as("the version to reload from").isEqualTo(expect(api.get(resource), 200).header("ETag"));
    }

    @Test
    void hrPositions() {
        Api gm = RunningStack.as("gm");
        JsonNode cashier = expect(gm.get("/api/v1/positions/cashier"), 200).json();
        ObjectNode definition = JsonMapper.builder().build().createObjectNode();
        for (String field : new String[] {"code", "titleZh", "titleEn", "departmentCode", "reportsTo", "duties", "qualifications",
                "headcount", "roleCode"}) {
            definition.set(field, cashier.get(field));
        }
        String body = definition.toString();
        conditional(gm, "/api/v1/positions/cashier", "PUT", "/api/v1/positions/cashier", body);
    }

    @Test
    void salesLeads() {
        Api consultant = RunningStack.as("sales");
        String phone = FlowSupport.mobile();
        String lead = expect(consultant.post("/api/v1/leads", """
                {"customer":{"name":"E2E 版本 %s","phone":"%s"},"source":"WALK_IN","interest":{"model":"Lavida"}}"""
                .formatted(phone.substring(7), phone)), 201).at("/id");
        conditional(consultant, "/api/v1/leads/" + lead, "POST", "/api/v1/leads/" + lead + "/contacts",
                "{\"channel\":\"PHONE\",\"note\":\"called back\"}");
    }

    @Test
    void workshopRepairOrders() {
        Api advisor = RunningStack.as("advisor");
        String vehicle = "{\"vin\":\"%s\",\"plate\":\"%s\",\"brand\":\"Volkswagen\",\"model\":\"Passat\"}"
                .formatted(FlowSupport.vin(), FlowSupport.plate());
        String customer = "{\"name\":\"E2E 版本\",\"phone\":\"%s\"}".formatted(FlowSupport.mobile());
        String order = expect(advisor.post("/api/v1/repair-orders", """
                {"vehicle":%s,"customer":%s,"odometerInKm":12000,"complaint":"noise from the front left wheel",
                 "walkAround":{"exterior":"ok","interior":"ok","valuables":"none"},"promisedAt":"%s"}"""
                .formatted(vehicle, customer, Instant.now().plus(Duration.ofHours(4)))), 201).at("/id");
        conditional(advisor, "/api/v1/repair-orders/" + order, "POST", "/api/v1/repair-orders/" + order + "/jobs", """
                {"labourOperationCode":"CHK-01","description":"Check the front left wheel bearing","hours":0.5,"payType":"CUSTOMER"}""");
    }

    @Test
    void partsCatalogue() {
        Api manager = RunningStack.as("partsmanager");
        conditional(manager, "/api/v1/parts/1K0819653B", "PUT", "/api/v1/parts/1K0819653B", """
                {"partNumber":"1K0819653B","name":"Cabin filter","unit":"pc","price":{"amount":128.00,"currency":"CNY"},
                 "binLocation":"A-02-03","minStock":4,"maxStock":30,"safetyStock":2,"genuineOem":true}""");
    }

    @Test
    void crmCustomers() {
        Api crm = RunningStack.as("crm");
        conditional(crm, "/api/v1/customers/cust-13800000003", "PUT", "/api/v1/customers/cust-13800000003",
                "{\"name\":\"王强 Wang Qiang\",\"callConsent\":true}");
    }

    @Test
    void claimsWarrantyClaims() {
        Api warranty = RunningStack.as("warranty");
        Api.Response claim = expect(warranty.get("/api/v1/warranty-claims/claim-demo-goodwill-1"), 200);
        String body = claim.json().get("content").toString();
        conditional(warranty, "/api/v1/warranty-claims/claim-demo-goodwill-1", "PUT", "/api/v1/warranty-claims/claim-demo-goodwill-1", body);
    }
}
