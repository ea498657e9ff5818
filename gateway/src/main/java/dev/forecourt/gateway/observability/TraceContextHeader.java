package dev.forecourt.gateway.observability;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Sends the gateway's trace context to the service in {@code traceparent}: the service's span is a
 * child of the gateway's server span, in the trace the client started or the gateway did, sampled
 * or not as the gateway decided. This replaces Spring Cloud Gateway's own observation of the routed
 * call ({@code spring.cloud.gateway.server.webflux.observability.enabled=false}), which opened a
 * second observation per request — a client span, its timer and its events — only to write this
 * header (7 % of the gateway's event-loop samples under the benchmark's reads). Lost: the client
 * span inside the gateway's trace (the service's server span says the same, from the other side)
 * and the gateway's {@code http.client.requests} timer, which no dashboard reads.
 */
@Component
@ConditionalOnProperty(name = "spring.cloud.gateway.server.webflux.observability.enabled", havingValue = "false")
public class TraceContextHeader implements HttpHeadersFilter, Ordered {

    private final Propagator propagator;
    private final Set<String> fields;

    public TraceContextHeader(Propagator propagator) {
        this.propagator = propagator;
        this.fields = propagator.fields().stream().map(f -> f.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        TraceContext trace = ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(TraceContextHeader::traceOf).orElse(null);
        if (trace == null) {
            return input;
        }
        // the client's own traceparent was read into the gateway's span; the service's parent is that span
        HttpHeaders headers = new HttpHeaders();
        input.forEach((name, values) -> {
            if (!fields.contains(name.toLowerCase(Locale.ROOT))) {
                headers.put(name, values);
            }
        });
        propagator.inject(trace, headers, HttpHeaders::set);
        return headers;
    }

    private static TraceContext traceOf(ServerRequestObservationContext context) {
        TracingObservationHandler.TracingContext tracing = context.get(TracingObservationHandler.TracingContext.class);
        Span span = tracing == null ? null : tracing.getSpan();
        return span == null ? null : span.context();
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.REQUEST;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 1;
    }
}
