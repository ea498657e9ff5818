package dev.forecourt.platform.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The CloudEvents {@code type} of a {@link DomainEvent}: {@code forecourt.<family>.<event-name>.v<n>},
 * e.g. {@code forecourt.parts.parts-issued.v1}. The family names the topic:
 * {@code forecourt.<family>.events}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    String value();
}
