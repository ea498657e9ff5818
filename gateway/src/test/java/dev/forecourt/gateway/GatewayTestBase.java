package dev.forecourt.gateway;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One gateway context for all integration tests (same properties, so Spring caches it), in
 * front of the WireMock services, with Spring MVC and Tomcat on the classpath as in the devstack.
 * Rate limits are small but per subject: tests use fresh subjects and stay below them, except
 * the rate-limit test.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                GatewayApplication.CONFIG_NAME_PROPERTY,
                // platform-test (the Kafka broker of DepartedStaffTest) brings the servlet platform, as the
                // devstack's shared classpath does: excluded by property, exactly as the devstack does
                "spring.autoconfigure.exclude=dev.forecourt.platform.PlatformAutoConfiguration,"
                        + "dev.forecourt.platform.security.SecurityConfiguration,"
                        + "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration,"
                        + "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration,"
                        + "org.springframework.boot.data.mongodb.autoconfigure.DataMongoRepositoriesAutoConfiguration,"
                        + "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration,"
                        + "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
                "spring.main.web-application-type=reactive",
                "forecourt.store-id=" + TestTokens.STORE,
                "forecourt.cors.allowed-origins=https://app.forecourt.test",
                "forecourt.rate-limit.per-user.burst=20",
                "forecourt.rate-limit.per-user.rate=5",
                // every test calls from 127.0.0.1: the address limits are tried in ThrottleTest's own context
                "forecourt.rate-limit.per-address.burst=100000",
                "forecourt.rate-limit.per-address.rate=100000",
                "forecourt.rate-limit.sign-in.burst=100000",
                "forecourt.rate-limit.sign-in.rate=100000",
                "forecourt.breaker.timeout=2s",
                "forecourt.breaker.open-for=7s",
                "forecourt.health.timeout=1s",
                "forecourt.tracing.slow-threshold=800ms"})
public abstract class GatewayTestBase {

    @LocalServerPort
    protected int port;

    protected WebTestClient http;

    @DynamicPropertySource
    static void downstreams(DynamicPropertyRegistry registry) {
        Downstreams.NAMES.forEach(name -> registry.add("forecourt.services." + name + ".url", () -> Downstreams.url(name)));
    }

    @BeforeEach
    void client() {
        Downstreams.resetAll();
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(15)).build();
    }
}
