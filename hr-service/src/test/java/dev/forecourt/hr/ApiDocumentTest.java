package dev.forecourt.hr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.test.Api;
import tools.jackson.databind.JsonNode;

/** hr-service's OpenAPI document: open operations need no token, every answer is concrete. */
class ApiDocumentTest extends HrServiceTestBase {

    JsonNode document() throws Exception {
        Api.Response response = Api.at(port).get("/v3/api-docs");
        Files.writeString(Path.of("target", "hr-api-docs.json"), response.body());
        return response.json();
    }

    @Test
    void signInRefreshAndTheKeysAreDocumentedWithoutTheBearerScheme() throws Exception {
        JsonNode document = document();
        for (String open : List.of("/paths/~1api~1v1~1auth~1token/post", "/paths/~1api~1v1~1auth~1refresh/post",
                "/paths/~1.well-known~1jwks.json/get")) {
            JsonNode operation = document.at(open);
            assertThat(operation.isObject()).as(open).isTrue();
            assertThat(operation.get("security")).as(open).isNotNull();
            assertThat(operation.get("security").isEmpty()).as(open).isTrue();
        }
        JsonNode login = document.at("/paths/~1api~1v1~1auth~1token/post");
        assertThat(login.at("/responses/401/content/application~1problem+json").isObject()).isTrue();
        assertThat(login.at("/responses/429/headers/Retry-After").isObject()).isTrue();
        assertThat(document.at("/paths/~1api~1v1~1auth~1refresh/post/responses/401/content/application~1problem+json").isObject()).isTrue();
        assertThat(document.at("/components/schemas/TokenResponse/required").toString()).contains("accessToken", "refreshToken");
        // everything else needs the staff token (the document's global requirement)
        assertThat(document.at("/paths/~1api~1v1~1positions/get/security").isMissingNode()).isTrue();
        assertThat(document.at("/paths/~1api~1v1~1auth~1keys~1rotate/post/security").isMissingNode()).isTrue();
        assertThat(document.at("/security/0/staffToken").isArray()).isTrue();
    }

    @Test
    void aNewPositionOrDepartmentNeedsItsCodeAsTheServerEnforces() throws Exception {
        JsonNode document = document();
        assertThat(document.at("/paths/~1api~1v1~1positions/post/requestBody/content/application~1json/schema/required").toString())
                .contains("code");
        assertThat(document.at("/paths/~1api~1v1~1departments/post/requestBody/content/application~1json/schema/required").toString())
                .contains("code");
        assertThat(as("hr").post("/api/v1/departments", "{\"nameZh\":\"测试\",\"nameEn\":\"Test\"}").status()).isEqualTo(400);
    }

    @Test
    void everyOperationHasASummaryAMeaningfulIdAndProblemJsonErrors() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document().get("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                JsonNode operation = op.getValue();
                String name = op.getKey() + " " + path.getKey();
                if (operation.get("summary") == null || operation.get("operationId").asString().matches(".*_\\d+$")) {
                    wrong.add(name + ": summary or operationId");
                }
                if (operation.toString().contains("\"*/*\"")) {
                    wrong.add(name + ": */*");
                }
                operation.get("responses").properties().stream().filter(r -> r.getKey().startsWith("4"))
                        .filter(r -> !r.getValue().at("/content/application~1problem+json").isObject())
                        .forEach(r -> wrong.add(name + ": " + r.getKey() + " is not problem+json"));
            }
        }
        assertThat(wrong).isEmpty();
    }
}
