package dev.forecourt.crm.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class CustomerMessageTest {

    static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");

    static CustomerMessage pending() {
        return CustomerMessage.queue("late-1", "store-001", MessageKind.LATE_VEHICLE, "cust-13800000001", "13800000001", "text",
                "ro-1", true, NOW, NOW);
    }

    @Test
    void withoutConsentAMessageIsRecordedButNeverDue() {
        CustomerMessage message = CustomerMessage.queue("late-1", "store-001", MessageKind.LATE_VEHICLE, "cust-1", "13800000001",
                "text", "ro-1", false, NOW, NOW);
        assertThat(message.getStatus()).isEqualTo(MessageStatus.SUPPRESSED);
        assertThat(message.isDue(NOW.plusSeconds(3600), Duration.ofMinutes(2))).isFalse();
    }

    @Test
    void aMessageTheProviderDoesNotTakeIsRetriedThenFails() {
        CustomerMessage message = pending();
        message.attempt(NOW);
        message.notTaken("provider answered 503", false, 2, NOW);
        assertThat(message.getStatus()).isEqualTo(MessageStatus.PENDING);
        assertThat(message.isDue(NOW.plusSeconds(60), Duration.ofMinutes(2))).isFalse();
        assertThat(message.isDue(NOW.plusSeconds(120), Duration.ofMinutes(2))).isTrue();
        message.attempt(NOW.plusSeconds(120));
        message.notTaken("provider answered 503", false, 2, NOW.plusSeconds(120));
        assertThat(message.getStatus()).isEqualTo(MessageStatus.FAILED);
        assertThat(message.newEvents()).last().isInstanceOf(CustomerMessageFailed.class);
    }

    @Test
    void aSentMessageStaysSentWhenItsCauseIsCancelled() {
        CustomerMessage message = pending();
        message.attempt(NOW);
        message.sent("sms-1", NOW);
        message.cancel("appointment cancelled");
        assertThat(message.getStatus()).isEqualTo(MessageStatus.SENT);
        assertThat(message.newEvents()).singleElement().isInstanceOf(CustomerMessageSent.class);
    }
}
