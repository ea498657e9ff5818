package dev.forecourt.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class SecurityTest extends GatewayTestBase {

    @Test
    void anApiRouteWithoutTokenAnswers401ProblemAndNeverReachesTheService() {
        http.get().uri("/api/v1/repair-orders")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().exists("X-Request-Id")
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://forecourt.dev/problems/unauthorized")
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.instance").isEqualTo("/api/v1/repair-orders");

        assertThat(Downstreams.of("workshop").getAllServeEvents()).isEmpty();
    }

    static Stream<Arguments> refusedTokens() {
        return Stream.of(
                Arguments.of("unsigned", (Supplier<String>) TestTokens::unsigned),
                Arguments.of("tampered", (Supplier<String>) TestTokens::tampered),
                Arguments.of("alg none", (Supplier<String>) TestTokens::algNone),
                Arguments.of("expired", (Supplier<String>) TestTokens::expired),
                Arguments.of("other store", (Supplier<String>) TestTokens::otherStore),
                Arguments.of("other issuer", (Supplier<String>) TestTokens::otherIssuer),
                Arguments.of("signed by an unknown key", (Supplier<String>) TestTokens::forged),
                Arguments.of("not a JWT", (Supplier<String>) () -> "not-a-jwt"),
                Arguments.of("characters no token has", (Supplier<String>) () -> TestTokens.valid() + "$\"x"),
                Arguments.of("padding in the middle", (Supplier<String>) () -> "abc=def"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedTokens")
    void aBadTokenIsRefusedWith401Problem(String kind, Supplier<String> token) {
        WebTestClient.BodyContentSpec body = http.post().uri("/api/v1/parts")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token.get())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody();
        body.jsonPath("$.type").isEqualTo("https://forecourt.dev/problems/unauthorized");

        assertThat(Downstreams.of("parts").getAllServeEvents()).isEmpty();
    }

    @Test
    void theSameRouteWithAValidTokenIsServed() {
        http.post().uri("/api/v1/parts")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.valid())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("parts");
    }

    @Test
    void aPathNoServiceOwnsAnswers404ProblemToAStaffMember() {
        http.get().uri("/api/v1/nothing-here")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.valid())
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://forecourt.dev/problems/not-found");
    }
}
