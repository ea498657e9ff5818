package dev.forecourt.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * An external Kafka consumer, as an analyst's would be: no consumer group, every partition of the
 * watched topics assigned and read from the end. It notes when each event became readable here,
 * by a key that a write's answer also yields (the CloudEvents type plus the aggregate id, or the
 * issue id for parts issues, whose subject is the part number), and matches it with the time the
 * write's 2xx arrived: the write → event latency, whichever of the two this JVM saw first.
 */
final class EventWatcher implements AutoCloseable {

    private static final Pattern ISSUE_ID = Pattern.compile("\"issueId\"\\s*:\\s*\"([^\"]+)\"");
    static final String PARTS_ISSUED = "forecourt.parts.parts-issued.v1";

    /** A readable event: when it was read here, and its CloudEvents id. */
    record Seen(long nanos, String eventId) {
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();
    private final Map<String, Long> written = new ConcurrentHashMap<>();
    private final Map<String, Latencies> latencies = new ConcurrentHashMap<>();
    private final AtomicLong read = new AtomicLong();
    private final AtomicLong beforeAnswer = new AtomicLong();
    private volatile boolean recording;
    private volatile boolean running = true;

    EventWatcher(String bootstrap, List<String> topics) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "1");
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "forecourt-benchmark-watcher");
        consumer = new KafkaConsumer<>(p);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(10))) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end offsets now, before any write is timed
        thread = new Thread(this::loop, "event-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                    long now = System.nanoTime();
                    read.incrementAndGet();
                    String type = header(record, "ce_type");
                    String id = header(record, "ce_id");
                    if (type == null) {
                        continue;
                    }
                    String subject = record.key();
                    if (PARTS_ISSUED.equals(type)) {
                        Matcher m = ISSUE_ID.matcher(new String(record.value(), StandardCharsets.UTF_8));
                        subject = m.find() ? m.group(1) : subject;
                    }
                    String key = type + "|" + subject;
                    seen.putIfAbsent(key, new Seen(now, id));
                    Long at = written.remove(key);
                    if (at != null) {
                        record(type, now - at);
                    }
                }
            }
        } catch (org.apache.kafka.common.errors.WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    /** A write of {@code type} about {@code subject} was answered 2xx at {@code answeredNanos}. */
    void written(String type, String subject, long answeredNanos) {
        String key = type + "|" + subject;
        Seen already = seen.get(key);
        if (already != null) {
            if (recording) {
                beforeAnswer.incrementAndGet();
            }
            record(type, Math.max(0, already.nanos() - answeredNanos));
            return;
        }
        written.put(key, answeredNanos);
        // the watcher may have seen it between the two lookups
        Seen raced = seen.get(key);
        if (raced != null && written.remove(key) != null) {
            record(type, Math.max(0, raced.nanos() - answeredNanos));
        }
    }

    private void record(String type, long nanos) {
        if (recording) {
            Latencies l = latencies.computeIfAbsent(type, t -> new Latencies());
            synchronized (l) {
                l.record(nanos);
            }
        }
    }

    /** Waits up to {@code timeout} for the event; null if it did not come. */
    Seen await(String type, String subject, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String key = type + "|" + subject;
        while (System.nanoTime() < deadline) {
            Seen s = seen.get(key);
            if (s != null) {
                return s;
            }
            Thread.sleep(1);
        }
        return null;
    }

    /** Starts a fresh measurement: latencies recorded from now on. */
    void startRecording() {
        beforeAnswer.set(0);
        latencies.clear();
        written.clear();
        recording = true;
    }

    /** Stops recording; waits a little for stragglers first. Answers the latencies by type and the writes still unmatched. */
    Map<String, Latencies> stopRecording(Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        while (!written.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        recording = false;
        return Map.copyOf(latencies);
    }

    /** Events of the recording that were readable before their write's 2xx reached the client (counted as 0 ms). */
    long readableBeforeAnswer() {
        return beforeAnswer.get();
    }

    int unmatched() {
        return written.size();
    }

    /** Merges the types into one. */
    static Latencies all(Map<String, Latencies> byType) {
        return Latencies.merge(byType.values());
    }

    long eventsRead() {
        return read.get();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(5_000);
    }
}
