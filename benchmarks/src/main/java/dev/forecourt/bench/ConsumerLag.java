package dev.forecourt.bench;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the stack's own consumer groups are behind the end of their partitions (events written to
 * Kafka but not yet applied by the services that consume them), read with the admin API as
 * {@code kafka-consumer-groups --describe} does.
 */
final class ConsumerLag implements AutoCloseable {

    private final Admin admin;

    ConsumerLag(String bootstrap) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        this.admin = Admin.create(p);
    }

    /** Events not yet applied, by consumer group (the stack's groups: {@code <service>.<store>}). */
    Map<String, Long> byGroup() throws ExecutionException, InterruptedException {
        Map<String, Long> lag = new TreeMap<>();
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
            if (!group.groupId().contains("-service.")) {
                continue; // the benchmark's own watcher and anything else on the broker
            }
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, Long> ends = admin.listOffsets(committed.keySet().stream()
                            .collect(Collectors.toMap(Function.identity(), tp -> OffsetSpec.latest())))
                    .all().get().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
            long behind = 0;
            for (var e : committed.entrySet()) {
                if (e.getValue() != null) {
                    behind += Math.max(0, ends.getOrDefault(e.getKey(), 0L) - e.getValue().offset());
                }
            }
            lag.put(group.groupId(), behind);
        }
        return lag;
    }

    /** Waits until no group is behind; what was behind at first and how long it took. */
    Drain awaitCaughtUp(Duration limit) throws ExecutionException, InterruptedException {
        long t0 = System.nanoTime();
        Map<String, Long> first = byGroup();
        Map<String, Long> now = first;
        while (now.values().stream().anyMatch(n -> n > 0) && System.nanoTime() - t0 < limit.toNanos()) {
            Thread.sleep(250);
            now = byGroup();
        }
        long left = now.values().stream().mapToLong(Long::longValue).sum();
        return new Drain(first, (System.nanoTime() - t0) / 1e9, left);
    }

    record Drain(Map<String, Long> behindAtFirst, double seconds, long stillBehind) {
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
