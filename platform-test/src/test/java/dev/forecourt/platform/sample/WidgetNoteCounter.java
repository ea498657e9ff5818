package dev.forecourt.platform.sample;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

import dev.forecourt.platform.events.consume.HandlesEvent;

/** A second handler of the same event type as {@link WidgetNotes}: both are given each event. */
@Component
class WidgetNoteCounter {

    final AtomicInteger seen = new AtomicInteger();

    @HandlesEvent("forecourt.elsewhere.widget-noted.v1")
    void on(WidgetNotes.WidgetNoted noted) {
        if (!noted.explode()) {
            seen.incrementAndGet();
        }
    }
}
