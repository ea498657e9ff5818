package dev.forecourt.platform.sample;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.money.Money;
import dev.forecourt.platform.paging.Page;
import dev.forecourt.platform.paging.Paging;
import dev.forecourt.platform.web.Versioned;

/** The sample service's API, in the shape every service has: views, one page answer, If-Match and ETag. */
@RestController
@RequestMapping("/api/v1/widgets")
class WidgetController {

    record CreateWidget(@NotBlank String name, @Min(1) int quantity, @Valid Money price, java.time.LocalDate madeOn,
                        Boolean fragile) {
    }

    record Rename(@NotBlank String name, Long version) {
    }

    record AddStock(@Min(1) int quantity) {
    }

    record WidgetView(String id, String name, int quantity, Widget.WidgetStatus status, Long version, String by) implements Versioned {
        static WidgetView of(Widget widget) {
            return new WidgetView(widget.getId(), widget.getName(), widget.getQuantity(), widget.getStatus(), widget.getVersion(), null);
        }
    }

    private final AggregateStore store;
    private final WidgetQueries queries;

    WidgetController(AggregateStore store, WidgetQueries queries) {
        this.store = store;
        this.queries = queries;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('widgets:create')")
    WidgetView create(@Valid @RequestBody CreateWidget request, Actor actor) {
        Widget created = store.insert(Widget.create(UUID.randomUUID().toString(), request.name(), request.quantity()));
        WidgetView view = WidgetView.of(created);
        return new WidgetView(view.id(), view.name(), view.quantity(), view.status(), view.version(), actor.username());
    }

    @GetMapping
    Page<WidgetView> list(@Valid @ParameterObject Paging paging,
                          @org.springframework.web.bind.annotation.RequestParam(required = false) java.time.LocalDate madeAfter,
                          @org.springframework.web.bind.annotation.RequestParam(required = false)
                          @jakarta.validation.constraints.Size(max = 64) String madeBy) {
        return queries.page(paging).map(WidgetView::of);
    }

    @GetMapping("/{id}")
    WidgetView get(@PathVariable String id) {
        return WidgetView.of(store.find(Widget.class, id));
    }

    @PutMapping("/{id}/name")
    WidgetView rename(@PathVariable String id, @Valid @RequestBody Rename request,
                      @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch) {
        ExpectedVersion expected = ifMatch == null ? ExpectedVersion.of(request.version()) : ifMatch.or(request.version());
        return WidgetView.of(store.change(Widget.class, id, expected, widget -> widget.rename(request.name())));
    }

    @PostMapping("/{id}/stock")
    WidgetView addStock(@PathVariable String id, @Valid @RequestBody AddStock request) {
        return WidgetView.of(store.change(Widget.class, id, ExpectedVersion.ANY, widget -> widget.add(request.quantity())));
    }

    @PostMapping("/{id}/retire")
    WidgetView retire(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch) {
        return WidgetView.of(store.change(Widget.class, id, ifMatch == null ? ExpectedVersion.ANY : ifMatch, Widget::retire));
    }

    /** A raw body, as a signed webhook takes it: read as bytes, not as JSON. */
    @PostMapping("/raw-notes")
    String rawNote(@RequestBody byte[] body) {
        return "{\"bytes\":" + body.length + "}";
    }

    /** Reads stay out of the controller, as in every service. */
    @org.springframework.stereotype.Component
    static class WidgetQueries {

        private final org.springframework.data.mongodb.core.MongoTemplate mongo;

        WidgetQueries(org.springframework.data.mongodb.core.MongoTemplate mongo) {
            this.mongo = mongo;
        }

        Page<Widget> page(Paging paging) {
            Query all = new Query().with(paging.sortedBy(Sort.by("_id")));
            return Page.of(mongo.find(all, Widget.class), paging, mongo.count(new Query(), Widget.class));
        }
    }
}
