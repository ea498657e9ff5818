package dev.forecourt.platform.test.architecture.violations;

import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.http.HttpStatus;

import dev.forecourt.platform.errors.ProblemException;
import dev.forecourt.platform.events.outbox.OutboxAggregate;

/** Breaks the rules on purpose: an aggregate that answers HTTP. */
@Document("shouting")
public class ShoutingAggregate extends OutboxAggregate {

    public void refuse() {
        throw new ProblemException(HttpStatus.CONFLICT, "nope", "Nope", "nope");
    }
}
