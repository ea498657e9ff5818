package dev.forecourt.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The service learns the client's address from X-Forwarded-For, which the gateway sets to the TCP
 * peer it received the connection from: whatever the client sent in X-Forwarded-For or Forwarded
 * is replaced, never appended to, so no client chooses the address hr's login throttle counts.
 */
class ClientAddressTest extends GatewayTestBase {

    @Test
    void aSpoofedForwardedForFromTheClientIsReplacedByTheAddressTheConnectionCameFrom() throws Exception {
        String answer = RawHttp.sendFrom("127.0.0.3", port, "POST /api/v1/auth/token HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: 2\r\n"
                + "X-Forwarded-For: 203.0.113.7, 10.0.0.1\r\nX-Forwarded-For: 198.51.100.1\r\n"
                + "Forwarded: for=203.0.113.8\r\nX-Forwarded-Host: evil.example\r\nConnection: close\r\n\r\n{}");

        assertThat(RawHttp.status(answer)).as(answer).isEqualTo(200);
        Downstreams.of("hr").verify(1, postRequestedFor(urlEqualTo("/api/v1/auth/token"))
                .withHeader("X-Forwarded-For", equalTo("127.0.0.3"))
                .withHeader("Forwarded", absent())
                .withHeader("X-Forwarded-Host", absent()));
        assertThat(Downstreams.of("hr").getAllServeEvents().get(0).getRequest().getHeaders().getHeader("X-Forwarded-For").values())
                .containsExactly("127.0.0.3");
    }

    @Test
    void aRequestWithoutTheHeaderGetsItToo() throws Exception {
        String answer = RawHttp.sendFrom("127.0.0.4", port, "GET /api/v1/parts HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + TestTokens.valid("client-address") + "\r\nConnection: close");

        assertThat(RawHttp.status(answer)).as(answer).isEqualTo(200);
        Downstreams.of("parts").verify(1, getRequestedFor(urlEqualTo("/api/v1/parts")).withHeader("X-Forwarded-For", equalTo("127.0.0.4")));
    }
}
