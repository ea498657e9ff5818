package dev.forecourt.platform.store;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings every Forecourt service shares. One deployment serves one store, so the store id
 * is part of every document and event; a dealer group runs many stores against one Kafka cluster.
 *
 * @param storeId     {@code FORECOURT_STORE_ID}: the store this deployment serves
 * @param serviceName the service's name, used as CloudEvents source and consumer group
 * @param timeZone    the store's local time zone (call windows, daily reports)
 * @param security    how tokens are verified
 * @param events      outbox relay and consumer settings
 * @param demoData    whether the service seeds demo data on an empty database (embedded stack)
 */
@ConfigurationProperties("forecourt")
public record ForecourtProperties(
        @DefaultValue("store-001") String storeId,
        @DefaultValue("forecourt") String serviceName,
        @DefaultValue("Asia/Shanghai") ZoneId timeZone,
        @DefaultValue Security security,
        @DefaultValue Events events,
        @DefaultValue("false") boolean demoData) {

    /**
     * @param jwksUri     where the staff tokens' public keys are published (hr-service, or a group's OIDC provider)
     * @param issuer      expected {@code iss} claim; blank accepts any issuer signed by the keys
     * @param publicPaths paths that need no token besides health and API docs (e.g. signed webhooks)
     */
    public record Security(
            @DefaultValue("http://localhost:8081/.well-known/jwks.json") String jwksUri,
            @DefaultValue("forecourt-hr") String issuer,
            @DefaultValue List<String> publicPaths) {
    }

    /**
     * @param sweepInterval   how often the relay looks for events that a wake-up missed (a crash, a lease left by
     *                        an instance that died): each sweep reads every outbox collection whole, and a batch
     *                        that failed while Kafka was down is retried without it
     * @param maxAttempts     delivery attempts of an incoming event before it goes to the dead-letter topic
     * @param retryBackoff    first pause between those attempts (doubles each time)
     * @param topicPartitions partitions of the topics this service creates
     * @param consumers       consumer threads of this instance, each applying the events of its share of the
     *                        partitions (one more than the partitions would idle): one thread alone fell a
     *                        minute behind a saturating load, with eight store round trips per event against
     *                        the writers' 32 connections (docs/benchmarks.md, 2026-12-07, consumers)
     * @param requestThreadPriority Java priority (1-10, normal 5) of the threads that answer HTTP requests: below
     *                        normal, so that when requests saturate the cores the relay, the consumers, the store
     *                        and the broker still get theirs — they run at normal priority, and a relay waiting
     *                        its turn behind dozens of request threads at each of a batch's steps held events back
     *                        for half a second (docs/benchmarks.md, "request threads"). Linux applies it only
     *                        with {@code -XX:ThreadPriorityPolicy=1}, which the stack's and the images' flags set;
     *                        lowering a priority needs no privilege.
     */
    public record Events(
            @DefaultValue("30s") Duration sweepInterval,
            @DefaultValue("4") int maxAttempts,
            @DefaultValue("200ms") Duration retryBackoff,
            @DefaultValue("3") int topicPartitions,
            @DefaultValue("3") int consumers,
            @DefaultValue("1") int requestThreadPriority) {
    }
}
