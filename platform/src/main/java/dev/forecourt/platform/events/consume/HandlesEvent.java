package dev.forecourt.platform.events.consume;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean method that applies another service's event, by CloudEvents type, e.g.
 * {@code @HandlesEvent("forecourt.sales.vehicle-delivered.v1") void on(VehicleDelivered delivered, IncomingEvent event)}.
 *
 * <p>The first parameter is the event's data, read from JSON into the consumer's own record (or
 * the {@link IncomingEvent} itself); an optional second parameter receives the envelope. The
 * method is called at most once per event id and store (events of other stores of the same
 * dealer group are skipped). It may be retried if it throws, so it should write with
 * deterministic ids or conditional updates: then a crash between its write and the
 * "processed" mark is harmless too.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface HandlesEvent {

    /** The CloudEvents type, e.g. {@code forecourt.workshop.repair-order-handed-over.v1}. */
    String value();
}
