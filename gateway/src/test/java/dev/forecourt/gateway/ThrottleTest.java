package dev.forecourt.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.netty.http.client.HttpClient;

/**
 * The address throttles, in their own context with small limits: per address a burst of 30 and
 * 1 per second, sign-in a burst of 3 and 3 per minute. Each test calls from its own loopback
 * address (127.0.0.x), so the tests do not share buckets.
 */
@TestPropertySource(properties = {
        "forecourt.rate-limit.per-address.burst=30",
        "forecourt.rate-limit.per-address.rate=1",
        "forecourt.rate-limit.sign-in.burst=3",
        "forecourt.rate-limit.sign-in.rate=3",
        "forecourt.rate-limit.sign-in.per=1m"})
class ThrottleTest extends GatewayTestBase {

    @Test
    void guessingPasswordsFromOneAddressIsThrottledAfterAFewSignInsWith429AndRetryAfter() {
        WebTestClient attacker = from("127.0.0.11");
        for (int i = 0; i < 3; i++) {
            signIn(attacker, "crm").expectStatus().isOk();
        }

        EntityExchangeResult<String> refused = signIn(attacker, "crm").expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult();

        assertThat(Long.parseLong(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 20L);
        assertThat(refused.getResponseBody()).contains("\"type\":\"https://forecourt.dev/problems/rate-limited\"");
        assertThat(Downstreams.of("hr").getAllServeEvents()).hasSize(3);
        // another address still signs in: one attacker cannot lock the store out
        signIn(from("127.0.0.12"), "gm").expectStatus().isOk();
    }

    @Test
    void floodingFromOneAddressWithManyTokensIsThrottledPerAddress() {
        WebTestClient flooder = from("127.0.0.13");
        int served = 0;
        int refused = 0;
        for (int i = 0; i < 40; i++) {
            // a fresh subject each time: the per-user limit never bites, only the address's
            int status = flooder.get().uri("/api/v1/parts")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.valid())
                    .exchange().returnResult(String.class).getStatus().value();
            if (status == 200) {
                served++;
            } else {
                assertThat(status).isEqualTo(429);
                refused++;
            }
        }

        assertThat(served).isBetween(30, 35);
        assertThat(refused).isPositive();
        from("127.0.0.14").get().uri("/api/v1/parts")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.valid())
                .exchange().expectStatus().isOk();
    }

    @Test
    void anAnonymousFloodIsThrottledBeforeItsTokenIsEvenChecked() {
        WebTestClient flooder = from("127.0.0.15");
        int unauthorized = 0;
        int limited = 0;
        for (int i = 0; i < 40; i++) {
            int status = flooder.get().uri("/api/v1/parts")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.forged())
                    .exchange().returnResult(String.class).getStatus().value();
            if (status == 401) {
                unauthorized++;
            } else if (status == 429) {
                limited++;
            }
        }

        assertThat(unauthorized).isBetween(30, 35);
        assertThat(limited).isEqualTo(40 - unauthorized);
    }

    private static WebTestClient.ResponseSpec signIn(WebTestClient client, String username) {
        return client.post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"" + username + "\",\"password\":\"wrong\"}")
                .exchange();
    }

    private WebTestClient from(String address) {
        HttpClient client = HttpClient.create().bindAddress(() -> new InetSocketAddress(address, 0));
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(client))
                .baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(15)).build();
    }
}
