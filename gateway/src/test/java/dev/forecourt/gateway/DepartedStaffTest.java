package dev.forecourt.gateway;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.forecourt.platform.test.ForecourtTestStack;
import dev.forecourt.platform.test.IncomingEvents;

/**
 * Departed staff are refused within seconds: the gateway follows hr's EmployeeLeft events on the
 * test broker, and rebuilds its deny-list from the topic when it starts.
 */
class DepartedStaffTest extends GatewayTestBase {

    private static final String LEFT_BEFORE_START = "emp-left-before-start";

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", ForecourtTestStack::bootstrapServers);
        // a departure hr published before this gateway started
        left(LEFT_BEFORE_START, Instant.now().minusSeconds(120));
    }

    @Test
    void aDepartedEmployeesStillValidTokenIsRefusedWithin401ProblemWithinSeconds() {
        String subject = "emp-leaving-" + System.nanoTime();
        String token = TestTokens.valid(subject);
        get(token).expectStatus().isOk();

        left(subject, Instant.now());

        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                get(token).expectStatus().isUnauthorized()
                        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectBody().jsonPath("$.type").isEqualTo("https://forecourt.dev/problems/unauthorized"));
        // a colleague is not affected
        get(TestTokens.valid()).expectStatus().isOk();
    }

    @Test
    void aDepartureHrPublishedBeforeTheGatewayStartedIsKnownAfterTheStart() {
        String token = TestTokens.valid(LEFT_BEFORE_START);

        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                get(token).expectStatus().isUnauthorized());
    }

    @Test
    void anotherStoresDepartureDoesNotTouchThisStoresTokens() {
        String subject = "emp-other-store-" + System.nanoTime();
        IncomingEvents.of("forecourt.hr.employee-left.v1", subject, json(subject)).store("store-elsewhere").publish();
        String marker = "emp-marker-" + System.nanoTime();
        left(marker, Instant.now());
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                get(TestTokens.valid(marker)).expectStatus().isUnauthorized());

        get(TestTokens.valid(subject)).expectStatus().isOk();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec get(String token) {
        return http.get().uri("/api/v1/parts").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
    }

    private static void left(String employeeId, Instant at) {
        IncomingEvents.of("forecourt.hr.employee-left.v1", employeeId, json(employeeId)).store(TestTokens.STORE).at(at).publish();
    }

    private static String json(String employeeId) {
        return "{\"employeeId\":\"" + employeeId + "\",\"username\":\"" + employeeId + "\",\"leftOn\":\"" + LocalDate.now() + "\"}";
    }
}
