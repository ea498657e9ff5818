package dev.forecourt.platform.events;

/** The naming rules that tie event types to topics, in one place. */
public final class EventTypes {

    private EventTypes() {
    }

    public static String typeOf(DomainEvent event) {
        return typeOf(event.getClass());
    }

    public static String typeOf(Class<?> eventClass) {
        EventType annotation = eventClass.getAnnotation(EventType.class);
        if (annotation == null) {
            throw new IllegalArgumentException(eventClass.getName() + " lacks @EventType");
        }
        return annotation.value();
    }

    /** {@code forecourt.parts.parts-issued.v1} → {@code forecourt.parts.events}. */
    public static String topicOf(String eventType) {
        String[] parts = eventType.split("\\.");
        if (parts.length != 4 || !"forecourt".equals(parts[0]) || !parts[3].matches("v\\d+")) {
            throw new IllegalArgumentException("Event type must look like forecourt.<family>.<name>.v<n>: " + eventType);
        }
        return "forecourt." + parts[1] + ".events";
    }

    /** Where a consumer group's poison messages go after bounded retries. */
    public static String deadLetterTopicOf(String consumerGroup) {
        return "forecourt.dlt." + consumerGroup;
    }
}
