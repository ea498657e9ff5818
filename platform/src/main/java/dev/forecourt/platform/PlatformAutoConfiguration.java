package dev.forecourt.platform;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Validator;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.apache.catalina.core.StandardHost;
import org.apache.coyote.AbstractProtocol;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.forecourt.platform.errors.ProblemDetailsAdvice;
import dev.forecourt.platform.errors.ProblemErrorController;
import dev.forecourt.platform.errors.ProblemErrorReportValve;
import dev.forecourt.platform.events.consume.EventDispatcher;
import dev.forecourt.platform.events.consume.EventHandlerRegistry;
import dev.forecourt.platform.events.consume.LatestEventWins;
import dev.forecourt.platform.events.consume.ProcessedEvents;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.events.outbox.Outbox;
import dev.forecourt.platform.events.outbox.OutboxAggregate;
import dev.forecourt.platform.events.outbox.OutboxCallbacks;
import dev.forecourt.platform.events.outbox.OutboxRelay;
import dev.forecourt.platform.observability.KeptTraces;
import dev.forecourt.platform.observability.MongoStoreHealthIndicator;
import dev.forecourt.platform.store.ForecourtProperties;
import dev.forecourt.platform.sequences.Sequences;
import dev.forecourt.platform.web.ETagAdvice;
import dev.forecourt.platform.web.IdempotencyKeyFilter;
import dev.forecourt.platform.web.LiteralPrefixHandlerMapping;
import dev.forecourt.platform.web.WebShape;
import dev.forecourt.platform.web.contract.ApiContract;
import dev.forecourt.platform.web.RequestLimitsFilter;
import dev.forecourt.platform.web.strict.JsonBodies;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import tools.jackson.databind.json.JsonMapper;

/** Wires the platform into a service: store context, outbox and relay, consumers, errors, web. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration"},
        // our /error controller must be defined before Boot's BasicErrorController backs off for it
        beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@EnableConfigurationProperties(ForecourtProperties.class)
@EnableScheduling
public class PlatformAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    MeterRegistryCustomizer<MeterRegistry> forecourtCommonTags(ForecourtProperties properties) {
        return registry -> registry.config().commonTags("store", properties.storeId(), "service", properties.serviceName());
    }

    @Bean
    MongoStoreHealthIndicator mongoStoreHealthIndicator(MongoTemplate mongo) {
        return new MongoStoreHealthIndicator(mongo);
    }

    /** Events are published by the relay thread only; a template of our own keeps its settings apart. */
    @Configuration(proxyBeanMethods = false)
    static class Events {

        @Bean
        KafkaTemplate<String, byte[]> forecourtEventTemplate(KafkaProperties kafkaProperties, MeterRegistry meters) {
            Map<String, Object> config = kafkaProperties.buildProducerProperties();
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
            config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3_000);
            config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 4_000);
            config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
            var factory = new DefaultKafkaProducerFactory<String, byte[]>(config);
            factory.addListener(new MicrometerProducerListener<>(meters));
            return new KafkaTemplate<>(factory);
        }

        @Bean
        OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> forecourtEventTemplate, KafkaAdmin admin,
                                ForecourtProperties properties, Clock clock, MeterRegistry meters, MongoMappingContext mapping) {
            Set<String> collections = mapping.getPersistentEntities().stream()
                    .filter(entity -> OutboxAggregate.class.isAssignableFrom(entity.getType()))
                    .map(entity -> entity.getCollection())
                    .collect(Collectors.toSet());
            return new OutboxRelay(mongo, forecourtEventTemplate, admin, properties, clock, meters, collections);
        }

        @Bean
        Outbox outbox(ForecourtProperties properties, JsonMapper json, Clock clock, ObjectProvider<Tracer> tracer,
                      MongoTemplate mongo, OutboxRelay relay) {
            return new Outbox(properties, json, clock, tracer, mongo, relay);
        }

        @Bean
        AggregateStore outboxAggregateStore(MongoTemplate mongo, Outbox outbox) {
            return new AggregateStore(mongo, outbox);
        }

        @Bean
        Sequences sequences(MongoTemplate mongo) {
            return new Sequences(mongo);
        }

        @Bean
        LatestEventWins latestEventWins(MongoTemplate mongo) {
            return new LatestEventWins(mongo);
        }

        @Bean
        static OutboxCallbacks outboxCallbacks(ObjectProvider<Outbox> outbox, ObjectProvider<OutboxRelay> relay) {
            return new OutboxCallbacks(outbox, relay);
        }

        @Bean
        static EventHandlerRegistry eventHandlerRegistry() {
            return new EventHandlerRegistry();
        }

        @Bean
        ProcessedEvents processedEvents(MongoTemplate mongo, Clock clock) {
            return new ProcessedEvents(mongo, clock);
        }

        @Bean
        EventDispatcher eventDispatcher(EventHandlerRegistry registry, ForecourtProperties properties, KafkaProperties kafkaProperties,
                                        KafkaTemplate<String, byte[]> forecourtEventTemplate, KafkaAdmin admin,
                                        ProcessedEvents processed, JsonMapper json, MeterRegistry meters,
                                        ObjectProvider<ObservationRegistry> observations) {
            return new EventDispatcher(registry, properties, kafkaProperties, forecourtEventTemplate, admin, processed, json, meters,
                    observations.getIfUnique(() -> ObservationRegistry.NOOP));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @EnableWebSecurity
    static class Web {

        @Bean
        ProblemDetailsAdvice problemDetailsAdvice() {
            return new ProblemDetailsAdvice();
        }

        @Bean
        ETagAdvice etagAdvice() {
            return new ETagAdvice();
        }

        /** A body that is not JSON answers 415 before anything else of the request is read. */
        @Bean
        JsonBodies jsonBodies() {
            return new JsonBodies();
        }

        @Bean
        WebShape webShape(JsonMapper json, Validator validator) {
            return new WebShape(json, validator);
        }

        /** Paths with variables are matched against the mappings whose literal start they share (see the class). */
        @Bean
        WebMvcRegistrations literalPrefixHandlerMapping() {
            return new WebMvcRegistrations() {
                @Override
                public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                    return new LiteralPrefixHandlerMapping();
                }
            };
        }

        /** Tomcat's own error answers (before Spring sees the request) as problem+json. */
        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReportValve() {
            return factory -> factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
            });
        }

        /**
         * The request threads run below normal priority, so that under a load that saturates the cores the outbox
         * relay, the event consumers, the store and the broker are not starved behind them (see
         * {@code forecourt.events.request-thread-priority}).
         */
        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> requestThreadPriority(ForecourtProperties properties) {
            int priority = properties.events().requestThreadPriority();
            if (priority < Thread.MIN_PRIORITY || priority > Thread.MAX_PRIORITY) {
                throw new IllegalArgumentException("forecourt.events.request-thread-priority must be 1-10, not " + priority);
            }
            return factory -> factory.addConnectorCustomizers(connector -> {
                if (connector.getProtocolHandler() instanceof AbstractProtocol<?> protocol) {
                    protocol.setThreadPriority(priority);
                }
            });
        }

        /** Errors sent before any controller ran (the firewall, filters) answer problem+json too. */
        @Bean
        ProblemErrorController problemErrorController() {
            return new ProblemErrorController();
        }

        /** Every failed (5xx) and slow request a service answers, logged with its trace id whether sampled or not. */
        @Bean
        KeptTraces keptTraces(@Value("${forecourt.tracing.slow-threshold:1s}") Duration slowThreshold,
                              @Value("${forecourt.tracing.kept-per-second:50}") long perSecond, MeterRegistry meters) {
            return new KeptTraces(slowThreshold, perSecond, meters);
        }

        /** First of all filters: an oversized body or a NUL in the query is refused before anything reads it. */
        @Bean
        FilterRegistrationBean<RequestLimitsFilter> requestLimitsFilterRegistration() {
            FilterRegistrationBean<RequestLimitsFilter> registration = new FilterRegistrationBean<>(new RequestLimitsFilter());
            registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 20);
            return registration;
        }

        @Bean
        IdempotencyKeyFilter idempotencyKeyFilter(MongoTemplate mongo, Clock clock) {
            return new IdempotencyKeyFilter(mongo, clock);
        }

        /** After the security filters, so a key is scoped to the caller who sent it. */
        @Bean
        FilterRegistrationBean<IdempotencyKeyFilter> idempotencyKeyFilterRegistration(IdempotencyKeyFilter filter) {
            FilterRegistrationBean<IdempotencyKeyFilter> registration = new FilterRegistrationBean<>(filter);
            registration.setOrder(org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10);
            return registration;
        }

        @Bean
        ApiContract apiContract(ForecourtProperties properties, org.springframework.core.env.Environment environment) {
            List<String> open = new java.util.ArrayList<>(properties.security().publicPaths());
            return new ApiContract(environment.getProperty("forecourt.api.public-url", "/"), open);
        }

        @Bean
        OpenApiCustomizer forecourtOpenApi(ForecourtProperties properties) {
            return api -> {
                api.getInfo().setTitle("Forecourt " + properties.serviceName());
                api.components(api.getComponents() == null ? new Components() : api.getComponents());
                api.getComponents().addSecuritySchemes("staffToken", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("Staff token from POST /api/v1/auth/token (hr-service)"));
                api.addSecurityItem(new SecurityRequirement().addList("staffToken"));
            };
        }
    }
}
