package dev.forecourt.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RequestIdsAndProblemsTest {

    @Test
    void aCallersReasonableRequestIdIsKept() {
        assertThat(RequestIds.acceptOrCreate("web-7f3a:42.1")).isEqualTo("web-7f3a:42.1");
    }

    @Test
    void aMissingOverlongOrUnsafeRequestIdIsReplacedByAUuid() {
        assertThat(RequestIds.acceptOrCreate(null)).hasSize(36);
        assertThat(RequestIds.acceptOrCreate("x".repeat(129))).hasSize(36);
        assertThat(RequestIds.acceptOrCreate("a\r\nSet-Cookie: x")).hasSize(36).doesNotContain("Set-Cookie");
    }

    @Test
    void generatedIdsAreVersion4UuidsAndDiffer() {
        String one = RequestIds.random();
        assertThat(one).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(RequestIds.random()).isNotEqualTo(one);
    }

    @Test
    void aProblemIsValidJsonEvenWithQuotesAndControlCharactersInItsFields() {
        String json = Problems.json(404, "not-found", "Not Found", "no \"route\"\\here\n", "/api/v1/x\"y", "req-1");

        JsonNode node = JsonMapper.builder().build().readTree(json);
        assertThat(node.get("type").asString()).isEqualTo("https://forecourt.dev/problems/not-found");
        assertThat(node.get("status").asInt()).isEqualTo(404);
        assertThat(node.get("detail").asString()).isEqualTo("no \"route\"\\here\n");
        assertThat(node.get("instance").asString()).isEqualTo("/api/v1/x\"y");
        assertThat(node.get("requestId").asString()).isEqualTo("req-1");
    }
}
