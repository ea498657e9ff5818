package dev.forecourt.platform.sample;

import dev.forecourt.platform.domain.Lifecycle;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;
import dev.forecourt.platform.events.outbox.OutboxAggregate;

/** A sample aggregate: a status with a transition table, events, a version. */
@Document("widgets")
public class Widget extends OutboxAggregate {

    @Id
    private String id;
    private String name;
    private int quantity;
    private WidgetStatus status = WidgetStatus.IN_USE;

    public static Widget create(String id, String name, int quantity) {
        Widget widget = new Widget();
        widget.id = id;
        widget.name = name;
        widget.quantity = quantity;
        widget.raise(new WidgetCreated(id, name, quantity));
        return widget;
    }

    public void rename(String newName) {
        this.name = newName;
        raise(new WidgetRenamed(id, newName));
    }

    public void add(int more) {
        this.quantity += more;
    }

    public void retire() {
        status = Lifecycle.requireTransition(status, WidgetStatus.RETIRED);
    }

    public WidgetStatus getStatus() { return status; }
    public String getId() { return id; }
    public String getName() { return name; }
    public int getQuantity() { return quantity; }

    public enum WidgetStatus implements Lifecycle<WidgetStatus> {
        IN_USE, RETIRED;

        @Override
        public java.util.Set<WidgetStatus> next() {
            return switch (this) {
                case IN_USE -> java.util.EnumSet.of(RETIRED);
                case RETIRED -> java.util.EnumSet.noneOf(WidgetStatus.class);
            };
        }
    }

    @EventType("forecourt.sample.widget-created.v1")
    public record WidgetCreated(String widgetId, String name, int quantity) implements DomainEvent {
        @Override public String aggregateId() { return widgetId; }
    }

    @EventType("forecourt.sample.widget-renamed.v1")
    public record WidgetRenamed(String widgetId, String name) implements DomainEvent {
        @Override public String aggregateId() { return widgetId; }
    }
}
