package dev.forecourt.claims;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.ForecourtServiceTest;
import dev.forecourt.platform.test.TestTokens;

/**
 * The one Spring context the module's integration tests share: the OEM is a WireMock server, and
 * Resilience4j, resending and the inbox run on short timings so outages resolve within seconds.
 */
@ForecourtServiceTest(properties = {
        "spring.cloud.openfeign.client.config.oem.connect-timeout=500",
        "spring.cloud.openfeign.client.config.oem.read-timeout=2000",
        "forecourt.oem.resend-interval=1s",
        // the service runs the whole suite in the middle of a secret rotation: the OEM's new secret and the old one
        "forecourt.oem.webhook-secret=" + ClaimsIntegrationTest.ROTATED_WEBHOOK_SECRET + " whsec_Zm9yZWNvdXJ0LWRldi1vZW0tc2VjcmV0",
        "forecourt.oem.resend-check-interval=300ms",
        "forecourt.oem.inbox-sweep-interval=300ms",
        "resilience4j.retry.instances.oem.max-attempts=2",
        "resilience4j.retry.instances.oem.wait-duration=50ms",
        "resilience4j.circuitbreaker.instances.oem.minimum-number-of-calls=4",
        "resilience4j.circuitbreaker.instances.oem.wait-duration-in-open-state=1s"})
public abstract class ClaimsIntegrationTest {

    /** The secret the OEM is rotating to; the dev secret stays accepted beside it. */
    public static final String ROTATED_WEBHOOK_SECRET = "whsec_Zm9yZWNvdXJ0LXJvdGF0ZWQtb2VtLXNlY3JldA==";

    /** The OEM's claims API. One per test JVM; tests tell their calls apart by claim number. */
    protected static final WireMockServer OEM = startOem();

    protected static final String ADMINISTRATOR = TestTokens.staff("warranty", "warranty-administrator",
            "claims:read", "claims:write", "claims:submit", "claims:reports");

    @LocalServerPort
    protected int port;

    private static WireMockServer startOem() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        // By default the OEM files every claim; outage tests put their faults in front for their own claim numbers.
        server.stubFor(post(urlEqualTo("/oem/v1/warranty-claims")).atPriority(10)
                .willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json")
                        .withBody("{\"oemReference\":\"OEM-STUB\",\"status\":\"RECEIVED\"}")));
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    @DynamicPropertySource
    static void oem(DynamicPropertyRegistry registry) {
        registry.add("forecourt.oem.url", OEM::baseUrl);
    }

    /**
     * A client whose every exchange is checked against the OpenAPI document the service serves: a
     * deviation (an undocumented status, a body or header that does not fit) fails the test.
     */
    protected Api client() {
        return Api.at(port).checked();
    }

    protected Api api() {
        return client().as(ADMINISTRATOR);
    }

    /** A claim typed in by hand that passes every check: warranty from a year ago, handed over yesterday. */
    protected static String readyClaimJson(String repairOrderId, String cause) {
        return """
                {"vin":"LSVAB4BM7RN000001","brand":"Volkswagen","model":"Lavida","repairOrderId":"%s","orderNumber":"RO-%s",
                 "odometerKm":23000,"failureDate":"%s","handedOverAt":"%s","warrantyStartDate":"%s",
                 "complaint":"Engine oil leak at the front","cause":"%s","correction":"Replaced the oil filter housing seal",
                 "labourOperations":[{"code":"1734","description":"Replace oil filter housing","hours":1.5}],
                 "parts":[{"partNumber":"06L115562B","description":"Oil filter","quantity":1,"unitPrice":{"amount":88.00,"currency":"CNY"}}],
                 "causalPartNumber":"06L115562B","roadService":false}
                """.formatted(repairOrderId, repairOrderId, java.time.LocalDate.now().minusDays(3),
                Instant.now().minus(Duration.ofDays(1)), java.time.LocalDate.now().minusYears(1), cause);
    }

    /** The workshop's WarrantyJobCompleted data for a control-arm replacement (2.0 h + 420.00). */
    protected static String warrantyJobCompleted(String repairOrderId, String jobId, String vin) {
        return """
                {"repairOrderId":"%s","orderNumber":"RO-%s","jobId":"%s","vin":"%s","brand":"Volkswagen","model":"Tiguan L",
                 "odometerKm":18000,"failureDate":"%s","handedOverAt":"%s",
                 "complaint":"Knocking from the front left over bumps","cause":"Front left control arm bushing worn through",
                 "correction":"Replaced the front left control arm",
                 "labourOperations":[{"code":"4011","description":"Replace control arm","hours":2.0}],
                 "parts":[{"partNumber":"5Q0407151A","description":"Control arm","quantity":1,"unitPrice":{"amount":420.00,"currency":"CNY"}}],
                 "causalPartNumber":"5Q0407151A","roadService":false,"outsideServiceKm":null,
                 "technicianId":"emp-technician","advisorId":"emp-advisor"}
                """.formatted(repairOrderId, repairOrderId, jobId, vin, java.time.LocalDate.now().minusDays(2), Instant.now().minus(Duration.ofHours(3)));
    }

    /** Drafts a ready claim by hand; returns its JSON. */
    protected Api.Response draftReadyClaim() {
        Api.Response created = api().post("/api/v1/warranty-claims",
                readyClaimJson(unique("ro"), "Oil filter housing seal hardened and cracked"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created;
    }

    /** A ready claim the (stub) OEM has received. */
    protected Api.Response submittedClaim() {
        String id = draftReadyClaim().at("/id");
        Api.Response submitted = api().post("/api/v1/warranty-claims/" + id + "/submit");
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        // on a busy machine the first call may time out: then the resender delivers it moments later
        awaitStatus(id, "SUBMITTED");
        return api().get("/api/v1/warranty-claims/" + id);
    }

    protected void awaitStatus(String claimId, String status) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(api().get("/api/v1/warranty-claims/" + claimId).at("/status")).isEqualTo(status));
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
