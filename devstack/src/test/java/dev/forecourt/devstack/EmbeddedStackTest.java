package dev.forecourt.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

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
}
