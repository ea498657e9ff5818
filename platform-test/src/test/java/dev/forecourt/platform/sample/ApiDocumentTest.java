package dev.forecourt.platform.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.ForecourtServiceTest;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document tells the truth about the errors, media types, headers and permissions. */
@ForecourtServiceTest
class ApiDocumentTest {

    @LocalServerPort
    int port;

    JsonNode document() {
        return Api.at(port).get("/v3/api-docs").json();
    }

    List<JsonNode> operations(JsonNode document) {
        List<JsonNode> found = new ArrayList<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> found.add(op.getValue())));
        return found;
    }

    @Test
    void everyOperationDocumentsItsErrorsAsProblemJsonAndNoAnyMediaType() {
        JsonNode document = document();
        assertThat(document.at("/components/schemas/Problem/properties/type").isMissingNode()).isFalse();
        for (JsonNode operation : operations(document)) {
            String id = operation.get("operationId").asString();
            assertThat(operation.get("responses").properties().stream()
                    .filter(r -> r.getKey().startsWith("4"))
                    .allMatch(r -> r.getValue().at("/content/application~1problem+json").isObject())).as(id).isTrue();
            assertThat(operation.get("responses").has("400")).as(id).isTrue();
            assertThat(operation.toString()).as(id).doesNotContain("\"*/*\"");
            assertThat(operation.get("summary")).as(id).isNotNull();
        }
    }

    @Test
    void anOptionalPropertyMayBeNullAlsoWhenItRefersToAnotherSchema() {
        JsonNode document = document();
        assertThat(document.at("/components/schemas/CreateWidget/properties/madeOn/nullable").asBoolean()).isTrue();
        assertThat(document.at("/components/schemas/CreateWidget/properties/price/$ref").asString()).isEqualTo("#/components/schemas/Money");
        assertThat(document.at("/components/schemas/Money/nullable").asBoolean()).as("an optional price may be null").isTrue();
        assertThat(document.at("/components/schemas/CreateWidget/properties/name/nullable").asBoolean()).as("a required name").isFalse();
    }

    @Test
    void operationIdsAreStableAndMeaningful() {
        Set<String> ids = new HashSet<>();
        for (JsonNode operation : operations(document())) {
            String id = operation.get("operationId").asString();
            assertThat(id).doesNotMatch(".*_\\d+$");
            assertThat(ids.add(id)).as(id).isTrue();
        }
        assertThat(ids).contains("widgets_create", "widgets_rename");
    }

    @Test
    void aCreateIs201WithLocationAndAVersionedReadHasAnETag() {
        JsonNode document = document();
        JsonNode create = document.at("/paths/~1api~1v1~1widgets/post");
        assertThat(create.at("/responses/201/headers/Location").isObject()).isTrue();
        assertThat(create.at("/responses/200").isMissingNode()).isTrue();
        assertThat(create.at("/x-permission").asString()).isEqualTo("widgets:create");
        assertThat(create.at("/responses/403").isObject()).isTrue();
        assertThat(create.get("parameters").toString()).contains("Idempotency-Key");
        JsonNode read = document.at("/paths/~1api~1v1~1widgets~1{id}/get");
        assertThat(read.at("/responses/200/headers/ETag").isObject()).isTrue();
        assertThat(read.at("/responses/404").isObject()).isTrue();
        JsonNode rename = document.at("/paths/~1api~1v1~1widgets~1{id}~1name/put");
        assertThat(rename.get("parameters").toString()).contains("If-Match");
        assertThat(rename.at("/responses/409").isObject()).isTrue();
    }

    @Test
    void theServerIsTheGatewaysPublicUrl() {
        assertThat(document().at("/servers/0/url").asString()).isEqualTo("/");
    }
}
