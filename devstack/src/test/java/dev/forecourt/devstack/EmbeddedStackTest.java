package dev.forecourt.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.binder.logging.LogbackMetrics;

import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;

/** What a person sees right after {@code ./forecourt up}. */
class EmbeddedStackTest {

    @Test
    void theGatewayIsUpWithEveryServiceBehindItUp() {
        Api.Response health = RunningStack.gateway().get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.at("/status")).isEqualTo("UP");
    }

    @Test
    void anApiRouteAnswers401ProblemWithoutATokenAndAnswersWithADemoToken() {
        Api.Response anonymous = RunningStack.gateway().get("/api/v1/positions");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.isProblem()).isTrue();

        Api.Response positions = RunningStack.as("gm").get("/api/v1/positions?size=100");
        assertThat(positions.status()).isEqualTo(200);
    }

    @Test
    void theForecourtTopicsExistAndDemoSeedingPublishedCloudEvents() throws Exception {
        RunningStack.ensureStarted();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, RunningStack.KAFKA))) {
            Set<String> topics = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            assertThat(topics).contains("forecourt.hr.events", "forecourt.sales.events", "forecourt.parts.events");
        }
        try (EventProbe probe = EventProbe.on(RunningStack.KAFKA, "forecourt.hr.events")) {
            EventProbe.ReceivedEvent hired = probe.await(e -> e.type().equals("forecourt.hr.employee-hired.v1"), "a demo hire");
            assertThat(hired.cloudEvent().getSource().toString()).isEqualTo("/stores/store-001/hr-service");
            EventSchemas.assertValid(hired);
        }
    }

    @Test
    void onlyClaimsAndTheWorkshopHaveResilience4jsAutoConfigurationAsOnTheirOwnClasspaths() {
        Devstack stack = RunningStack.stack();
        assertThat(StackComponents.RESILIENCE4J.split(",")).contains(
                "io.github.resilience4j.springboot.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration",
                "io.github.resilience4j.springboot.retry.autoconfigure.RetryAutoConfiguration");
        List<String> withResilience4j = List.of("claims-service", "service-order-service");
        for (StackComponent component : stack.components()) {
            String[] registries = stack.context(component.module()).getBeanNamesForType(RetryRegistry.class);
            if (withResilience4j.contains(component.module())) {
                assertThat(registries).as(component.module()).isNotEmpty();
            } else {
                assertThat(registries).as(component.module()).isEmpty();
            }
        }
        // and no AspectJ on the shared classpath: nothing matches beans against pointcuts at start-up
        assertThat(StackComponents.class.getClassLoader().getResource("org/aspectj/lang/annotation/Aspect.class")).isNull();
    }

    @Test
    void noApplicationBindsLogbackMetricsToTheJvmsOneLogbackContext() {
        Devstack stack = RunningStack.stack();
        for (StackComponent component : stack.components()) {
            assertThat(stack.context(component.module()).getBeanNamesForType(LogbackMetrics.class)).as(component.module()).isEmpty();
        }
    }
}
