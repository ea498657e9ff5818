package dev.forecourt.oemsim;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "oem-simulator.step-delay=200ms")
class OemSimulatorTest {

    static final String SECRET_KEY_BASE64 = "Zm9yZWNvdXJ0LWRldi1vZW0tc2VjcmV0";

    /** The dealer's webhook inbox. */
    static final WireMockServer DEALER = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        DEALER.start();
        DEALER.stubFor(post(urlEqualTo("/webhooks/oem/claim-status")).willReturn(aResponse().withStatus(202)));
    }

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void dealer(DynamicPropertyRegistry registry) {
        registry.add("oem-simulator.callback-url", () -> DEALER.baseUrl() + "/webhooks/oem/claim-status");
    }

    @AfterAll
    static void stop() {
        DEALER.stop();
    }

    @Test
    void aSubmissionIsFiledOnceAndAnsweredWithSignedWebhooksAcceptedApprovedPaid() throws Exception {
        String body = claim("WC-SIM-1", "Oil filter housing seal hardened and cracked");

        HttpResponse<String> first = submit("dev-oem-api-key", "WC-SIM-1", body);
        HttpResponse<String> again = submit("dev-oem-api-key", "WC-SIM-1", body);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        await().atMost(Duration.ofSeconds(10)).until(() -> webhooksAbout("WC-SIM-1").size() >= 3);
        List<LoggedRequest> webhooks = webhooksAbout("WC-SIM-1");
        assertThat(webhooks).extracting(r -> statusOf(r.getBodyAsString()))
                .containsExactlyInAnyOrder("ACCEPTED", "APPROVED", "PAID");
        for (LoggedRequest webhook : webhooks) {
            String expected = "v1," + hmac(webhook.getHeader("webhook-id") + "." + webhook.getHeader("webhook-timestamp") + "."
                    + webhook.getBodyAsString());
            assertThat(webhook.getHeader("webhook-signature")).isEqualTo(expected);
        }
        // the repeated submission played no second set of answers
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3)).until(() -> webhooksAbout("WC-SIM-1").size() == 3);
    }

    @Test
    void aWrongApiKeyIsRefused() throws Exception {
        assertThat(submit("guess", "WC-SIM-2", claim("WC-SIM-2", "Oil filter housing seal hardened and cracked")).statusCode())
                .isEqualTo(401);
    }

    private List<LoggedRequest> webhooksAbout(String claimNumber) {
        return DEALER.findAll(postRequestedFor(urlEqualTo("/webhooks/oem/claim-status")).withRequestBody(containing(claimNumber)));
    }

    private static String statusOf(String body) {
        int at = body.indexOf("\"status\":\"") + 10;
        return body.substring(at, body.indexOf('"', at));
    }

    private static String hmac(String content) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET_KEY_BASE64), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    }

    private static String claim(String number, String cause) {
        return """
                {"claimNumber":"%s","submission":1,"dealerCode":"store-001","vin":"LSVAB4BM7RN000001","cause":"%s",
                 "labourOperations":[{"reference":"1734","description":"Replace housing","quantity":1.5,"amount":240.00}],
                 "parts":[{"reference":"06L115562B","description":"Oil filter","quantity":1,"amount":88.00}],
                 "causalPartNumber":"06L115562B","claimedAmount":328.00,"currency":"CNY"}""".formatted(number, cause);
    }

    private HttpResponse<String> submit(String apiKey, String idempotencyKey, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/oem/v1/warranty-claims"))
                .header("Content-Type", "application/json").header("X-Api-Key", apiKey).header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
