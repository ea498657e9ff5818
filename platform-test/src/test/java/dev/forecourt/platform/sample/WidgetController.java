package dev.forecourt.platform.sample;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.platform.errors.ProblemException;

@RestController
@RequestMapping("/api/v1/widgets")
class WidgetController {

    record CreateWidget(@NotBlank String name, @Min(1) int quantity) {
    }

    private final MongoTemplate mongo;

    WidgetController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('widgets:create')")
    Widget create(@Valid @RequestBody CreateWidget request) {
        return mongo.save(Widget.create(UUID.randomUUID().toString(), request.name(), request.quantity()));
    }

    @GetMapping("/{id}")
    Widget get(@PathVariable String id) {
        Widget widget = mongo.findById(id, Widget.class);
        if (widget == null) {
            throw ProblemException.notFound("Widget", id);
        }
        return widget;
    }
}
