package dev.forecourt.crm.message;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;
import dev.forecourt.platform.test.ForecourtServiceTest;
import dev.forecourt.platform.test.IncomingEvents;
import dev.forecourt.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * Texts to customers through the SMS provider (WireMock here): sent at once when due, never without
 * consent, waiting through quiet hours, retried and failed when the provider refuses, with the
 * delivery status kept. The quiet hours of this context are an hour that starts three hours from now.
 */
@ForecourtServiceTest
class CustomerMessagesFlowTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant STARTED = Instant.now();
    static final String QUIET_HOURS = quietHoursFrom(STARTED.atZone(SHANGHAI).toLocalTime().plusHours(3).withSecond(0).withNano(0));
    static final WireMockServer SMS = new WireMockServer(wireMockConfig().dynamicPort());
    static final String CRM = TestTokens.staff("crm", "customer-service-specialist", "customers:read", "customers:write",
            "customer-messages:read");

    static {
        SMS.start();
        SMS.stubFor(post(urlEqualTo("/sms/messages")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"sms-1\",\"status\":\"DELIVERED\"}")));
        SMS.stubFor(post(urlEqualTo("/sms/messages")).withRequestBody(matchingJsonPath("$.phone", com.github.tomakehurst.wiremock.client.WireMock.equalTo("13100000400")))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"not a mobile number\"}")));
    }

    @DynamicPropertySource
    static void sms(DynamicPropertyRegistry registry) {
        registry.add("forecourt.crm.messages.sms-base-url", SMS::baseUrl);
        // a loaded build machine may take longer than the provider's 3 s to answer; a timeout would be retried minutes later
        registry.add("forecourt.crm.messages.timeout", () -> "20s");
        registry.add("forecourt.crm.messages.quiet-hours", () -> QUIET_HOURS);
    }

    private static String quietHoursFrom(LocalTime start) {
        return start.format(DateTimeFormatter.ofPattern("HH:mm")) + "-" + start.plusHours(1).format(DateTimeFormatter.ofPattern("HH:mm"));
    }

    @AfterAll
    static void stop() {
        SMS.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    Messaging messaging;

    Api api() {
        return Api.at(port).checked().as(CRM);
    }

    static String newPhone() {
        return "131" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    static String runningLate(String phone) {
        return IncomingEvents.publish("forecourt.workshop.vehicle-running-late.v1", "ro-" + phone, """
                {"repairOrderId":"ro-%s","orderNumber":"RO2026%s","customerId":"cust-%s","customerName":"张伟","customerPhone":"%s",
                 "advisorId":"emp-advisor","promisedAt":"%s","flaggedAt":"%s"}
                """.formatted(phone, phone.substring(5), phone, phone, Instant.now().plusSeconds(1800), Instant.now()));
    }

    JsonNode messagesTo(String phone) {
        return api().get("/api/v1/customer-messages?phone=" + phone).json();
    }

    @Test
    void aVehicleRunningLateTextsTheCustomerAtOnce() {
        String phone = newPhone();
        try (EventProbe probe = EventProbe.on("forecourt.crm.events")) {
            Instant published = Instant.now();
            String eventId = runningLate(phone);
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() ->
                    SMS.countRequestsMatching(postRequestedFor(urlEqualTo("/sms/messages"))
                            .withRequestBody(matchingJsonPath("$.phone", com.github.tomakehurst.wiremock.client.WireMock.equalTo(phone)))
                            .build()).getCount() == 1);
            assertThat(Duration.between(published, Instant.now())).isLessThan(Duration.ofSeconds(5));
            SMS.verify(postRequestedFor(urlEqualTo("/sms/messages")).withRequestBody(equalToJson(
                    "{\"messageId\":\"late-" + eventId + "\",\"phone\":\"" + phone + "\",\"sender\":\"Forecourt\"}", true, true)));

            JsonNode message = messagesTo(phone).at("/items/0");
            assertThat(message.get("kind").asString()).isEqualTo("LATE_VEHICLE");
            assertThat(message.get("status").asString()).isEqualTo("SENT");
            assertThat(message.get("customerId").asString()).isEqualTo("cust-" + phone);
            assertThat(message.get("text").asString()).contains("张伟", "RO2026");
            assertThat(message.get("providerMessageId").asString()).isEqualTo("sms-1");
            EventSchemas.assertValid(probe.await("forecourt.crm.customer-message-sent.v1", "late-" + eventId));
        }
    }

    @Test
    void withoutConsentNoMessageIsSent() {
        String phone = newPhone();
        assertThat(api().post("/api/v1/customers",
                "{\"name\":\"李娜\",\"phone\":\"%s\",\"callConsent\":true,\"messageConsent\":false}".formatted(phone)).status())
                .isEqualTo(201);
        runningLate(phone);
        await().atMost(Duration.ofSeconds(20)).until(() -> messagesTo(phone).get("total").asInt() == 1);
        assertThat(messagesTo(phone).at("/items/0/status").asString()).isEqualTo("SUPPRESSED");
        messaging.dispatchDue();
        assertThat(SMS.findAll(postRequestedFor(urlEqualTo("/sms/messages"))
                .withRequestBody(matchingJsonPath("$.phone", com.github.tomakehurst.wiremock.client.WireMock.equalTo(phone))))).isEmpty();
    }

    @Test
    void aMessageDueInQuietHoursWaitsForTheirEnd() {
        String phone = newPhone();
        Instant insideQuietHours = STARTED.plus(Duration.ofHours(3)).plus(Duration.ofMinutes(30));
        CustomerMessage message = messaging.queue("test-quiet-" + phone, MessageKind.LATE_VEHICLE,
                new Messaging.Recipient(phone, "王强", "REPAIR"), "text", "ro-x", insideQuietHours, Instant.now());

        assertThat(message.getStatus()).isEqualTo(MessageStatus.PENDING);
        // the quiet hours may cross midnight: their end is the first such time of day after the due time
        ZonedDateTime due = insideQuietHours.atZone(SHANGHAI);
        ZonedDateTime end = due.with(STARTED.atZone(SHANGHAI).toLocalTime().plusHours(4).withSecond(0).withNano(0));
        assertThat(message.getNotBefore()).isAfter(insideQuietHours)
                .isEqualTo((end.isAfter(due) ? end : end.plusDays(1)).toInstant());
        messaging.dispatchDue();
        assertThat(messagesTo(phone).at("/items/0/status").asString()).isEqualTo("PENDING");
        assertThat(SMS.findAll(postRequestedFor(urlEqualTo("/sms/messages"))
                .withRequestBody(matchingJsonPath("$.phone", com.github.tomakehurst.wiremock.client.WireMock.equalTo(phone))))).isEmpty();
    }

    @Test
    void aVehicleRunningLateFlaggedInQuietHoursIsTextedOnlyWhenTheyEnd() {
        String phone = newPhone();
        Instant insideQuietHours = STARTED.plus(Duration.ofHours(3)).plus(Duration.ofMinutes(20));
        IncomingEvents.of("forecourt.workshop.vehicle-running-late.v1", "ro-" + phone, """
                {"repairOrderId":"ro-%s","orderNumber":"RO2026%s","customerId":"cust-%s","customerName":"赵敏","customerPhone":"%s",
                 "advisorId":"emp-advisor","promisedAt":"%s","flaggedAt":"%s"}
                """.formatted(phone, phone.substring(5), phone, phone, insideQuietHours.minusSeconds(600), insideQuietHours))
                .at(insideQuietHours).publish();

        await().atMost(Duration.ofSeconds(20)).until(() -> messagesTo(phone).get("total").asInt() == 1);
        JsonNode message = messagesTo(phone).at("/items/0");
        assertThat(message.get("kind").asString()).isEqualTo("LATE_VEHICLE");
        assertThat(message.get("status").asString()).isEqualTo("PENDING");
        ZonedDateTime flagged = insideQuietHours.atZone(SHANGHAI);
        ZonedDateTime end = flagged.with(STARTED.atZone(SHANGHAI).toLocalTime().plusHours(4).withSecond(0).withNano(0));
        assertThat(Instant.parse(message.get("notBefore").asString())).isEqualTo((end.isAfter(flagged) ? end : end.plusDays(1)).toInstant());
        messaging.dispatchDue();
        assertThat(messagesTo(phone).at("/items/0/status").asString()).isEqualTo("PENDING");
        assertThat(SMS.findAll(postRequestedFor(urlEqualTo("/sms/messages"))
                .withRequestBody(matchingJsonPath("$.phone", com.github.tomakehurst.wiremock.client.WireMock.equalTo(phone))))).isEmpty();
    }

    @Test
    void aConfirmedAppointmentIsConfirmedNowAndRemindedTheDayBeforeUnlessCancelled() {
        String phone = newPhone();
        String appointment = "appt-" + UUID.randomUUID();
        Instant slot = Instant.now().plus(Duration.ofDays(3));
        IncomingEvents.publish("forecourt.workshop.appointment-confirmed.v1", appointment, """
                {"appointmentId":"%s","customerId":"cust-%s","customerPhone":"%s","vin":"LSVAB4BM0RN000003","advisorId":"emp-advisor",
                 "slotStart":"%s","confirmedAt":"%s"}
                """.formatted(appointment, phone, phone, slot, Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> messagesTo(phone).get("total").asInt() == 2);
        JsonNode confirmation = api().get("/api/v1/customer-messages/appointment-confirmed-" + appointment).json();
        assertThat(confirmation.get("status").asString()).isEqualTo("SENT");
        JsonNode reminder = api().get("/api/v1/customer-messages/appointment-reminder-" + appointment).json();
        assertThat(reminder.get("status").asString()).isEqualTo("PENDING");
        // 10:00 the day before, or the end of this context's quiet hours when they cover 10:00 (a run started 06:00–07:00)
        Instant dayBefore = slot.atZone(SHANGHAI).toLocalDate().minusDays(1).atTime(10, 0).atZone(SHANGHAI).toInstant();
        assertThat(reminder.get("notBefore").asString())
                .isEqualTo(QuietHours.parse(QUIET_HOURS, SHANGHAI).nextAllowed(dayBefore).toString());

        IncomingEvents.publish("forecourt.workshop.appointment-cancelled.v1", appointment, """
                {"appointmentId":"%s","customerId":"cust-%s","customerPhone":"%s","vin":"LSVAB4BM0RN000003","advisorId":"emp-advisor",
                 "slotStart":"%s","cancelledAt":"%s"}
                """.formatted(appointment, phone, phone, slot, Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                "CANCELLED".equals(api().get("/api/v1/customer-messages/appointment-reminder-" + appointment).at("/status")));
    }

    @Test
    void aMessageTheProviderRefusesIsFailedAndPublished() {
        String phone = "13100000400";
        try (EventProbe probe = EventProbe.on("forecourt.crm.events")) {
            String eventId = runningLate(phone);
            var failed = probe.await("forecourt.crm.customer-message-failed.v1", "late-" + eventId);
            EventSchemas.assertValid(failed);
            assertThat(failed.data().get("reason").asString()).contains("400");
        }
        assertThat(api().get("/api/v1/customer-messages?status=FAILED&phone=" + phone).json().get("total").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(Api.at(port).checked().as(TestTokens.staff("x", "sales-consultant", "customers:read")).get("/api/v1/customer-messages").status())
                .isEqualTo(403);
    }
}
