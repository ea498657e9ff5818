package dev.forecourt.platform.sample;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;
import dev.forecourt.platform.events.outbox.OutboxAggregate;

@Document("widgets")
public class Widget extends OutboxAggregate {

    @Id
    private String id;
    private String name;
    private int quantity;

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

    public String getId() { return id; }
    public String getName() { return name; }
    public int getQuantity() { return quantity; }

    @EventType("forecourt.sample.widget-created.v1")
    public record WidgetCreated(String widgetId, String name, int quantity) implements DomainEvent {
        @Override public String aggregateId() { return widgetId; }
    }

    @EventType("forecourt.sample.widget-renamed.v1")
    public record WidgetRenamed(String widgetId, String name) implements DomainEvent {
        @Override public String aggregateId() { return widgetId; }
    }
}
