package dev.forecourt.platform.events.consume;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

import dev.forecourt.platform.events.EventTypes;
import dev.forecourt.platform.store.ForecourtProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Subscribes the service's consumer group to the topics of the event types its
 * {@link HandlesEvent} methods apply, and calls them once per event: events already processed,
 * events of another store and types nobody here handles are skipped; an event several handlers
 * apply is given to each of them. A failing event is retried
 * with backoff a bounded number of times, then published unchanged (headers included) to the
 * group's dead-letter topic {@code forecourt.dlt.<group>}, so one poison message never blocks a
 * partition.
 */
public class EventDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventDispatcher.class);

    private final Map<String, List<EventHandlerRegistry.Handler>> handlers;
    private final ForecourtProperties properties;
    private final KafkaProperties kafkaProperties;
    private final KafkaTemplate<String, byte[]> deadLetters;
    private final KafkaAdmin admin;
    private final ProcessedEvents processed;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final ObservationRegistry observations;
    private ConcurrentMessageListenerContainer<String, byte[]> container;

    public EventDispatcher(EventHandlerRegistry registry, ForecourtProperties properties, KafkaProperties kafkaProperties, KafkaTemplate<String, byte[]> deadLetters,
                           KafkaAdmin admin, ProcessedEvents processed, JsonMapper json, MeterRegistry meters,
                           ObservationRegistry observations) {
        this.handlers = registry.handlers();
        this.properties = properties;
        this.kafkaProperties = kafkaProperties;
        this.deadLetters = deadLetters;
        this.admin = admin;
        this.processed = processed;
        this.json = json;
        this.meters = meters;
        this.observations = observations;
    }

    /**
     * The consumer group: one per service and store, shared by that service's instances. Stores of
     * a dealer group share one Kafka cluster; a group per service alone would split the partitions
     * between the stores, and each store would skip the events the other one was handed.
     */
    public String consumerGroup() {
        return properties.serviceName() + "." + properties.storeId();
    }

    public Set<String> handledTypes() {
        return Set.copyOf(handlers.keySet());
    }

    void dispatch(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        List<EventHandlerRegistry.Handler> applying = handlers.get(event.type());
        if (applying == null) {
            return;
        }
        if (!properties.storeId().equals(event.storeId())) {
            count("other-store", event);
            return;
        }
        if (processed.contains(consumerGroup(), event.id())) {
            count("duplicate", event);
            return;
        }
        // The event counts as processed once every handler applied it; a failure redelivers it to all of
        // them, which is why each handler must be idempotent by itself (deterministic ids, conditional updates).
        applying.forEach(handler -> invoke(handler, event));
        processed.remember(consumerGroup(), event);
        count("applied", event);
        // Inside the listener's observation: the line carries the trace id of the request that caused the event.
        log.info("Applied {} {} about {}", event.type(), event.id(), event.subject());
    }

    private void invoke(EventHandlerRegistry.Handler handler, IncomingEvent event) {
        Method method = handler.method();
        Class<?> dataType = method.getParameterTypes()[0];
        Object data;
        try {
            data = dataType == IncomingEvent.class ? event : json.readValue(event.data(), dataType);
        } catch (JacksonException e) {
            throw new MalformedEventException("Data of event " + event.id() + " (" + event.type() + ") is not a valid "
                    + dataType.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
        Object[] args = method.getParameterCount() == 2 ? new Object[] {data, event} : new Object[] {data};
        try {
            method.invoke(handler.bean(), args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private void count(String outcome, IncomingEvent event) {
        meters.counter("forecourt.events.consumed", "outcome", outcome, "type", event.type()).increment();
    }

    @Override
    public void start() {
        if (handlers.isEmpty()) {
            return;
        }
        Set<String> topics = new TreeSet<>();
        handlers.keySet().forEach(type -> topics.add(EventTypes.topicOf(type)));
        String deadLetterTopic = EventTypes.deadLetterTopicOf(consumerGroup());
        ensureTopics(topics, deadLetterTopic);

        Map<String, Object> config = kafkaProperties.buildConsumerProperties();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, consumerGroup());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        var factory = new DefaultKafkaConsumerFactory<String, byte[]>(config);
        factory.addListener(new MicrometerConsumerListener<>(meters)); // consumer lag and fetch metrics

        ContainerProperties containerProperties = new ContainerProperties(topics.toArray(String[]::new));
        containerProperties.setMessageListener((MessageListener<String, byte[]>) this::dispatch);
        containerProperties.setObservationEnabled(true); // continues the producer's trace (traceparent header)
        // The container is not a bean, so it cannot look the registry up in the context: without it the
        // observation is a no-op, no span is opened and the consumer's log lines carry no trace id.
        containerProperties.setObservationRegistry(observations);
        // Offsets are committed once per poll, not per event: a commit is a round trip to the broker's group
        // coordinator and a write to its offsets topic, which cost the stack as much as applying a skipped event.
        // An event applied but not yet committed when the instance dies comes again and is skipped as processed.
        containerProperties.setAckMode(ContainerProperties.AckMode.BATCH);
        container = new ConcurrentMessageListenerContainer<>(factory, containerProperties);
        container.setBeanName(consumerGroup() + "-events");
        // Events of one subject share a partition and so a thread: their order holds. Across partitions the
        // handlers already meet each other as they would on two instances (idempotent, versioned changes).
        container.setConcurrency(properties.events().consumers());

        var recoverer = new DeadLetterPublishingRecoverer(deadLetters, (record, failure) -> {
            log.error("Event at {}-{}@{} dead-lettered to {}: {}", record.topic(), record.partition(), record.offset(),
                    deadLetterTopic, failure.toString());
            meters.counter("forecourt.events.dead-lettered", "topic", record.topic()).increment();
            return new TopicPartition(deadLetterTopic, -1);
        });
        var backOff = new ExponentialBackOffWithMaxRetries(Math.max(0, properties.events().maxAttempts() - 1));
        backOff.setInitialInterval(properties.events().retryBackoff().toMillis());
        backOff.setMultiplier(2.0);
        var errorHandler = new DefaultErrorHandler(recoverer, backOff);
        errorHandler.addNotRetryableExceptions(MalformedEventException.class);
        container.setCommonErrorHandler(errorHandler);
        container.start();
        log.info("Consumer group {} applies {} from {}", consumerGroup(), new TreeSet<>(handlers.keySet()), topics);
    }

    private void ensureTopics(Set<String> topics, String deadLetterTopic) {
        try {
            var partitions = Optional.of(properties.events().topicPartitions());
            List<NewTopic> all = new java.util.ArrayList<>();
            topics.forEach(t -> all.add(new NewTopic(t, partitions, Optional.empty())));
            all.add(new NewTopic(deadLetterTopic, Optional.of(1), Optional.empty()));
            admin.createOrModifyTopics(all.toArray(NewTopic[]::new));
        } catch (RuntimeException e) {
            log.warn("Could not create topics {} yet ({}); the consumer subscribes anyway", topics, e.toString());
        }
    }

    @Override
    public void stop() {
        if (container != null) {
            container.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return container != null && container.isRunning();
    }

    @Override
    public int getPhase() {
        // Start after the web server and the relay, stop before them.
        return SmartLifecycle.DEFAULT_PHASE - 1000;
    }
}
