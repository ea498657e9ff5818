package dev.forecourt.platform.events;

/**
 * A fact that happened to one aggregate, named in the past tense ({@code PartsIssued}). Implement
 * it with an immutable record annotated with {@link EventType}; the record's fields are the
 * event's JSON data. The aggregate id becomes the CloudEvents {@code subject} and the Kafka key,
 * so one aggregate's events stay in order.
 */
public interface DomainEvent {

    String aggregateId();
}
