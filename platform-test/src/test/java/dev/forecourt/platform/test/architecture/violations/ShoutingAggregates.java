package dev.forecourt.platform.test.architecture.violations;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Breaks the rules on purpose: a repository whose save() bypasses the outbox rules. */
public interface ShoutingAggregates extends MongoRepository<ShoutingAggregate, String> {
}
