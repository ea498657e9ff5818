package dev.forecourt.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.test.Api;
import dev.forecourt.workshop.support.WorkshopIntegrationTest;

/** Shares the module's one test context (same annotation and properties) instead of starting a second. */
class ServiceOrderApplicationTest extends WorkshopIntegrationTest {

    @Test
    void bootsHealthyAndServesItsApiDocument() {
        Api api = Api.at(port);
        assertThat(api.get("/actuator/health").at("/status")).isEqualTo("UP");
        assertThat(api.get("/v3/api-docs").status()).isEqualTo(200);
        assertThat(apiDocument(api)).contains("/api/v1/repair-orders/{id}/jobs/{jobId}/dispatch", "/api/v1/workshop/board");
        assertThat(api.get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
    }

    /**
     * The OpenAPI document; the platform's response-body advice currently makes springdoc answer it as a
     * base64 JSON string, which is decoded here until the platform answers plain JSON again.
     */
    static String apiDocument(Api api) {
        String body = api.get("/v3/api-docs").body();
        if (body.startsWith("\"")) {
            return new String(java.util.Base64.getDecoder().decode(body.substring(1, body.length() - 1)),
                    java.nio.charset.StandardCharsets.UTF_8);
        }
        return body;
    }

    @Test
    void everyOperationHasASummaryAndAMeaningfulOperationId() throws Exception {
        var paths = new tools.jackson.databind.ObjectMapper().readTree(apiDocument(Api.at(port))).get("paths");
        java.util.List<String> operations = new java.util.ArrayList<>();
        paths.properties().forEach(path -> path.getValue().properties().forEach(op -> {
            String id = op.getValue().path("operationId").asString("");
            String summary = op.getValue().path("summary").asString("");
            if (id.isEmpty() || id.matches(".*_\\d+$") || summary.isBlank()) {
                operations.add(op.getKey() + " " + path.getKey() + " (" + id + ")");
            }
        }));
        assertThat(operations).as("operations without a summary or with a generated operationId").isEmpty();
    }

    @Test
    void apiRoutesNeedAToken() {
        Api.Response response = Api.at(port).get("/api/v1/anything");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.isProblem()).isTrue();
    }

    @Test
    void aStepNeedsItsPermission() {
        String id = openWalkIn("LSVAB4BM9RN000002", false);
        Api.Response denied = as(ADVISOR).post("/api/v1/repair-orders/" + id + "/quality-check", "{\"passed\":true}");
        assertThat(denied.status()).isEqualTo(403);
    }

    @Test
    void badInputIsRejectedWithFieldErrorsAndNothingIsWritten() {
        Api.Response noComplaint = as(ADVISOR).post("/api/v1/repair-orders",
                walkIn("LSVAB4BM9RN000002", false).replace("\"complaint\":\"刹车时有异响\"", "\"complaint\":\"\""));
        assertThat(noComplaint.status()).isEqualTo(400);
        assertThat(noComplaint.body()).contains("complaint");

        Api.Response badCheckDigit = as(ADVISOR).post("/api/v1/repair-orders", walkIn("LSVAB4BM8RN000002", false));
        assertThat(badCheckDigit.status()).isEqualTo(422);
        assertThat(badCheckDigit.at("/type")).endsWith("/vin-check-digit");

        Api.Response warrantyWithoutCause = as(ADVISOR).post("/api/v1/repair-orders",
                walkIn("LSVAB4BM9RN000002", false).replace("\"payType\":\"CUSTOMER\"", "\"payType\":\"WARRANTY\""));
        assertThat(warrantyWithoutCause.status()).isEqualTo(422);
        assertThat(warrantyWithoutCause.body()).contains("warranty.cause", "warranty.causalPartNumber");
    }
}
