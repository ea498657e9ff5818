package dev.forecourt.platform.events.outbox;

import java.time.Instant;

/**
 * An event waiting in its aggregate's document to be relayed to Kafka. It is written by the same
 * single-document MongoDB write as the state change it describes, so neither exists without the
 * other.
 *
 * @param eventId     CloudEvents id; consumers remember it to apply the event once
 * @param type        CloudEvents type
 * @param topic       Kafka topic
 * @param subject     the aggregate id: CloudEvents subject and Kafka key
 * @param time        when it happened
 * @param storeId     the store it belongs to
 * @param traceparent the W3C trace context of the request that caused it, if any
 * @param data        the event as JSON
 */
public record PendingEvent(String eventId, String type, String topic, String subject, Instant time,
                           String storeId, String traceparent, String data) {
}
