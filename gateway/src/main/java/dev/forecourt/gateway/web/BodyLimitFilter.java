package dev.forecourt.gateway.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import dev.forecourt.gateway.config.GatewayProperties;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses a request body over {@code forecourt.limits.max-body-size} with 413 problem+json on
 * every path (sign-in and OEM webhooks included), before security and routing, so an over-size
 * body never reaches a service:
 * <ul>
 * <li>a declared {@code Content-Length} over the limit is refused without holding a byte (the
 *     HTTP decoder never delivers more than the declared length, so a body within it needs no count);</li>
 * <li>a streamed body ({@code Transfer-Encoding: chunked}, no length) is counted as it arrives and
 *     held only up to the limit; within it, it is passed on with its {@code Content-Length}; past it,
 *     what was held is released.</li>
 * </ul>
 * The rest of a refused body is discarded as it arrives, up to {@code discard-up-to}, so that the
 * client, which is still sending, can read its 413 instead of a connection reset; past that the
 * 413 is written and the connection closed.
 */
@Component
public class BodyLimitFilter implements WebFilter, Ordered {

    /** Right after {@link RequestIdFilter}, before Spring Security (-100). */
    public static final int ORDER = RequestIdFilter.ORDER + 10;

    private final long maxBody;
    private final long discardUpTo;

    public BodyLimitFilter(GatewayProperties properties) {
        this.maxBody = properties.limits().maxBodySize().toBytes();
        this.discardUpTo = Math.max(maxBody, properties.limits().discardUpTo().toBytes());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders headers = request.getHeaders();
        long declared = headers.getContentLength();
        if (declared > maxBody) {
            return declared <= discardUpTo ? discard(request).then(tooLarge(exchange)) : tooLarge(exchange);
        }
        if (declared >= 0 || !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange);
        }
        Held held = new Held(maxBody, discardUpTo);
        return request.getBody()
                .reduce(held, Held::add)
                .doOnCancel(held::release)
                .doOnError(e -> held.release())
                .then(Mono.defer(() -> held.over ? tooLarge(exchange)
                        // a chain that never reads the body (a 401 before routing) must not leak it
                        : chain.filter(withBody(exchange, held)).doFinally(signal -> held.releaseUnread())))
                .onErrorResume(DiscardedEnough.class, e -> tooLarge(exchange));
    }

    private Mono<Void> discard(ServerHttpRequest request) {
        return request.getBody()
                .reduce(0L, (count, buffer) -> {
                    long total = count + buffer.readableByteCount();
                    DataBufferUtils.release(buffer);
                    if (total > discardUpTo) {
                        throw new DiscardedEnough();
                    }
                    return total;
                })
                .onErrorResume(DiscardedEnough.class, e -> Mono.empty())
                .then();
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange) {
        return Problems.write(exchange, HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "Payload too large",
                "The request body is larger than " + maxBody + " bytes");
    }

    /** The held body, passed on with its length instead of chunked. */
    private static ServerWebExchange withBody(ServerWebExchange exchange, Held held) {
        ServerHttpRequest request = exchange.getRequest().mutate()
                .headers(h -> {
                    h.remove(HttpHeaders.TRANSFER_ENCODING);
                    h.setContentLength(held.size);
                })
                .build();
        ServerHttpRequest decorated = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.fromIterable(held.takeParts()));
            }
        };
        return exchange.mutate().request(decorated).build();
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    /** What arrived so far: the buffers while within the limit, only a count after it. */
    private static final class Held {
        private final long limit;
        private final long discardUpTo;
        private final List<DataBuffer> parts = new ArrayList<>(4);
        private long size;
        private boolean over;
        private boolean taken;

        Held(long limit, long discardUpTo) {
            this.limit = limit;
            this.discardUpTo = discardUpTo;
        }

        Held add(DataBuffer buffer) {
            size += buffer.readableByteCount();
            if (over) {
                DataBufferUtils.release(buffer);
            } else if (size > limit) {
                over = true;
                parts.forEach(DataBufferUtils::release);
                parts.clear();
                DataBufferUtils.release(buffer);
            } else {
                parts.add(buffer);
            }
            if (size > discardUpTo) {
                throw new DiscardedEnough();
            }
            return this;
        }

        /** The body for the one reader that forwards it; a second reader gets nothing. */
        synchronized List<DataBuffer> takeParts() {
            if (taken) {
                return List.of();
            }
            taken = true;
            return parts;
        }

        synchronized void releaseUnread() {
            if (!taken) {
                release();
            }
        }

        synchronized void release() {
            taken = true;
            parts.forEach(DataBufferUtils::release);
            parts.clear();
        }
    }

    /** Thrown inside the body's reduction to stop reading a refused body; never leaves this class. */
    private static final class DiscardedEnough extends RuntimeException {
        DiscardedEnough() {
            super(null, null, false, false);
        }
    }
}
