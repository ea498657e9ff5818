package dev.forecourt.platform.test.architecture.violations;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Breaks the rules on purpose: queries the store itself, answers with the aggregate, validates through AOP. */
@RestController
@Validated
public class LeakyController {

    private final MongoTemplate mongo;

    public LeakyController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping("/leak")
    public ShoutingAggregate leak() {
        return mongo.findById("x", ShoutingAggregate.class);
    }
}
