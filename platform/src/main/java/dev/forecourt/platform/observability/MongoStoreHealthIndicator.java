package dev.forecourt.platform.observability;

import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The service's database health by a {@code ping}: Boot's own MongoDB indicator uses the
 * {@code hello} command, which the embedded wire server does not answer, so it is switched off.
 */
public class MongoStoreHealthIndicator implements HealthIndicator {

    private final MongoTemplate mongo;

    public MongoStoreHealthIndicator(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Health health() {
        try {
            mongo.executeCommand(new Document("ping", 1));
            return Health.up().withDetail("database", mongo.getDb().getName()).build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("database", mongo.getDb().getName()).withDetail("error", e.getClass().getSimpleName()).build();
        }
    }
}
