package dev.forecourt.platform.observability;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.server.observation.ServerRequestObservationContext;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.TracingObservationHandler;

/**
 * Keeps every failed and every slow request a service answers, sampled or not, as the gateway does
 * (its {@code KeptTraces}; the two stay separate because the gateway is reactive and has no servlet
 * types). Spans are recorded for a sample of requests only ({@code management.tracing.sampling.probability},
 * parent-based), but every request has a trace id on every log line. A request answered 5xx or failed
 * with an exception that no handler answered, or taking {@code forecourt.tracing.slow-threshold} (1 s)
 * or longer, gets one WARN line {@code "Kept trace <id>: GET /api/v1/… 500 in 1234 ms (error)"} with
 * the trace id in the MDC, and {@code forecourt.traces.kept} counts it by reason. A handled 4xx (a
 * {@code NotFound}, a refused token) is the caller's mistake, not ours: not kept. At most
 * {@code forecourt.tracing.kept-per-second} (50) lines a second; the rest are counted only.
 */
public class KeptTraces implements ObservationHandler<ServerRequestObservationContext> {

    private static final Logger log = LoggerFactory.getLogger(KeptTraces.class);

    private record Started(long nanos) {
    }

    private final long slowNanos;
    private final long perSecond;
    private final Counter errors;
    private final Counter slow;
    private final AtomicLong window = new AtomicLong();
    private final AtomicLong inWindow = new AtomicLong();

    public KeptTraces(Duration slowThreshold, long perSecond, MeterRegistry meters) {
        this.slowNanos = slowThreshold.toNanos();
        this.perSecond = perSecond;
        this.errors = Counter.builder("forecourt.traces.kept").tag("reason", "error")
                .description("Requests kept as failed (5xx or exception), sampled or not").register(meters);
        this.slow = Counter.builder("forecourt.traces.kept").tag("reason", "slow")
                .description("Requests kept as slow, sampled or not").register(meters);
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof ServerRequestObservationContext;
    }

    @Override
    public void onStart(ServerRequestObservationContext context) {
        context.put(Started.class, new Started(System.nanoTime()));
    }

    @Override
    public void onStop(ServerRequestObservationContext context) {
        Started started = context.get(Started.class);
        if (started == null) {
            return;
        }
        long nanos = System.nanoTime() - started.nanos();
        HttpServletResponse response = context.getResponse();
        int status = response == null ? 0 : response.getStatus();
        // Spring records handled exceptions on the context too (a NotFound answered 404): only an error
        // answered 5xx, or one that left no error status behind, is ours
        boolean failed = status >= 500 || (context.getError() != null && status < 400);
        if (!failed && nanos < slowNanos) {
            return;
        }
        (failed ? errors : slow).increment();
        if (!mayLog()) {
            return;
        }
        TraceContext trace = traceOf(context);
        HttpServletRequest request = context.getCarrier();
        String method = request == null ? "?" : request.getMethod();
        String path = request == null ? "?" : request.getRequestURI();
        String error = context.getError() == null ? "" : ", " + context.getError().getClass().getSimpleName();
        String previousTrace = MDC.get("traceId");
        String previousSpan = MDC.get("spanId");
        try {
            if (trace != null) {
                MDC.put("traceId", trace.traceId());
                MDC.put("spanId", trace.spanId());
            }
            log.warn("Kept trace {}: {} {} {} in {} ms ({}{}{})", trace == null ? "-" : trace.traceId(), method, path, status,
                    nanos / 1_000_000, failed ? "error" : "slow", error,
                    trace != null && Boolean.TRUE.equals(trace.sampled()) ? ", sampled" : ", not sampled");
        } finally {
            restore("traceId", previousTrace);
            restore("spanId", previousSpan);
        }
    }

    /** At most {@code perSecond} lines in any one second. */
    private boolean mayLog() {
        long second = System.nanoTime() / 1_000_000_000L;
        long current = window.get();
        if (current != second && window.compareAndSet(current, second)) {
            inWindow.set(0);
        }
        return inWindow.incrementAndGet() <= perSecond;
    }

    private static TraceContext traceOf(Observation.Context context) {
        TracingObservationHandler.TracingContext tracing = context.get(TracingObservationHandler.TracingContext.class);
        Span span = tracing == null ? null : tracing.getSpan();
        return span == null ? null : span.context();
    }

    private static void restore(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
