package dev.forecourt.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.TracingObservationHandler;

/** The keeper on its own: a request's observation as Spring's ServerHttpObservationFilter starts and stops it. */
class KeptTracesTest {

    static final Duration SLOW = Duration.ofMillis(200);

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    final Logger logger = (Logger) LoggerFactory.getLogger(KeptTraces.class);

    @BeforeEach
    void listen() {
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(lines);
    }

    @Test
    void aFailedRequestThatWasNotSampledIsLoggedWithItsTraceIdInTheMdcAndCounted() {
        ObservationRegistry registry = registryWith(new KeptTraces(SLOW, 50, meters));

        request(registry, "GET", "/api/v1/parts/P-1", 500, "4bf92f3577b34da6a3ce929d0e0e4736", false, 0);

        assertThat(lines.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel().toString()).isEqualTo("WARN");
            assertThat(line.getFormattedMessage())
                    .startsWith("Kept trace 4bf92f3577b34da6a3ce929d0e0e4736: GET /api/v1/parts/P-1 500 in ")
                    .endsWith(" ms (error, not sampled)");
            assertThat(line.getMDCPropertyMap()).containsEntry("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
        });
        assertThat(kept("error")).isEqualTo(1);
        assertThat(kept("slow")).isZero();
    }

    @Test
    void aSlowRequestIsKeptAndAFastOneIsNot() {
        ObservationRegistry registry = registryWith(new KeptTraces(SLOW, 50, meters));

        request(registry, "GET", "/api/v1/repair-orders/RO-1", 200, "5bf92f3577b34da6a3ce929d0e0e4736", true, SLOW.toMillis() + 20);
        request(registry, "GET", "/api/v1/repair-orders/RO-2", 200, "6bf92f3577b34da6a3ce929d0e0e4736", false, 0);

        assertThat(lines.list).singleElement().satisfies(line -> assertThat(line.getFormattedMessage())
                .startsWith("Kept trace 5bf92f3577b34da6a3ce929d0e0e4736: GET /api/v1/repair-orders/RO-1 200 in ")
                .endsWith(" ms (slow, sampled)"));
        assertThat(kept("slow")).isEqualTo(1);
        assertThat(kept("error")).isZero();
    }

    @Test
    void aHandledClientErrorIsNotKeptButAnUnansweredExceptionIs() {
        ObservationRegistry registry = registryWith(new KeptTraces(SLOW, 50, meters));

        // a NotFound answered 404 by the advice: Spring records the exception on the observation all the same
        ServerRequestObservationContext notFound = context("GET", "/api/v1/parts/nope", 404);
        Observation.createNotStarted("http.server.requests", () -> notFound, registry).start()
                .error(new IllegalStateException("not found")).stop();
        // an exception no handler answered, before anything set the status
        ServerRequestObservationContext escaped = context("POST", "/api/v1/parts/P-1/issues", 200);
        Observation.createNotStarted("http.server.requests", () -> escaped, registry).start()
                .error(new IllegalStateException("boom")).stop();

        assertThat(lines.list).singleElement().satisfies(line -> assertThat(line.getFormattedMessage())
                .startsWith("Kept trace -: POST /api/v1/parts/P-1/issues 200 in ")
                .endsWith("(error, IllegalStateException, not sampled)"));
        assertThat(kept("error")).isEqualTo(1);
    }

    @Test
    void atMostSoManyLinesASecondButEveryOneCounted() {
        ObservationRegistry registry = registryWith(new KeptTraces(SLOW, 3, meters));

        long second = System.nanoTime() / 1_000_000_000L;
        for (int i = 0; i < 10; i++) {
            request(registry, "GET", "/api/v1/parts/P-" + i, 503, null, false, 0);
        }
        boolean sameSecond = System.nanoTime() / 1_000_000_000L == second;

        assertThat(kept("error")).isEqualTo(10);
        if (sameSecond) {
            assertThat(lines.list).hasSize(3);
        } else {
            // the ten straddled a second's boundary: at most three in each of the two
            assertThat(lines.list).hasSizeBetween(3, 6);
        }
    }

    private ObservationRegistry registryWith(KeptTraces keptTraces) {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(keptTraces);
        return registry;
    }

    /** One request's observation, with a trace context as the tracing handler leaves it, lasting {@code millis}. */
    private void request(ObservationRegistry registry, String method, String path, int status, String traceId, boolean sampled,
                         long millis) {
        ServerRequestObservationContext context = context(method, path, status);
        if (traceId != null) {
            TraceContext trace = mock(TraceContext.class);
            when(trace.traceId()).thenReturn(traceId);
            when(trace.spanId()).thenReturn("00f067aa0ba902b7");
            when(trace.sampled()).thenReturn(sampled);
            Span span = mock(Span.class);
            when(span.context()).thenReturn(trace);
            TracingObservationHandler.TracingContext tracing = new TracingObservationHandler.TracingContext();
            tracing.setSpan(span);
            context.put(TracingObservationHandler.TracingContext.class, tracing);
        }
        Observation observation = Observation.createNotStarted("http.server.requests", () -> context, registry).start();
        sleep(millis);
        observation.stop();
    }

    private static ServerRequestObservationContext context(String method, String path, int status) {
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setStatus(status);
        return new ServerRequestObservationContext(new MockHttpServletRequest(method, path), response);
    }

    private double kept(String reason) {
        return meters.get("forecourt.traces.kept").tag("reason", reason).counter().count();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
