package dev.forecourt.platform.sample;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

import dev.forecourt.platform.events.consume.HandlesEvent;
import dev.forecourt.platform.events.consume.IncomingEvent;

/** Applies another (imaginary) service's events, counting each application. */
@Component
class WidgetNotes {

    record WidgetNoted(String widgetId, String note, boolean explode) {
    }

    final AtomicInteger applied = new AtomicInteger();
    final AtomicInteger attempts = new AtomicInteger();

    @HandlesEvent("forecourt.elsewhere.widget-noted.v1")
    void on(WidgetNoted noted, IncomingEvent event) {
        attempts.incrementAndGet();
        if (noted.explode()) {
            throw new IllegalStateException("cannot apply note " + event.id());
        }
        applied.incrementAndGet();
    }
}
