package dev.forecourt.crm.message;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Text messages to customers.
 *
 * @param smsBaseUrl       the SMS provider's base URL; {@code POST <base>/sms/messages} sends (the embedded stack's simulator by default)
 * @param sender           the sender name shown to the customer
 * @param quietHours       no message is sent in these hours of the store's day (e.g. 21:00-08:00, may wrap midnight); it waits
 * @param sendAt           the time of day day-before reminders and maintenance invitations go out
 * @param dispatchInterval how often waiting messages are looked for
 * @param retryAfter       a message the provider did not take is tried again after this
 * @param maxAttempts      attempts before a message is FAILED
 * @param timeout          connect and read timeout of a call to the provider
 */
@ConfigurationProperties("forecourt.crm.messages")
public record MessageProperties(
        @DefaultValue("http://localhost:8090") String smsBaseUrl,
        @DefaultValue("Forecourt") String sender,
        @DefaultValue("21:00-08:00") String quietHours,
        @DefaultValue("10:00") LocalTime sendAt,
        @DefaultValue("30s") Duration dispatchInterval,
        @DefaultValue("2m") Duration retryAfter,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("3s") Duration timeout) {
}
