package dev.forecourt.gateway.web;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;

import reactor.core.publisher.Mono;

/**
 * Every error the gateway itself answers is problem+json: no route (404), a body too large,
 * a downstream failure outside a breaker, a bug (500, no stack trace). Ordered before Boot's
 * default handler, which would answer plain JSON.
 */
@Component
@Order(-2)
public class ProblemErrorHandler implements ErrorWebExceptionHandler {

    private static final Log log = LogFactory.getLog(ProblemErrorHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        HttpStatusCode status = ex instanceof ResponseStatusException rse ? rse.getStatusCode() : HttpStatus.INTERNAL_SERVER_ERROR;
        if (status.is5xxServerError()) {
            log.warn("Gateway error on " + exchange.getRequest().getPath() + " (request " + RequestIds.of(exchange) + ")", ex);
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        String title = known != null ? known.getReasonPhrase() : "Error";
        String slug = switch (status.value()) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 503 -> "service-unavailable";
            case 504 -> "gateway-timeout";
            default -> status.is4xxClientError() ? "bad-request" : "internal";
        };
        String detail = status.value() == 404 ? "No route or resource at this path"
                : status.is5xxServerError() ? "The gateway could not complete the request" : title;
        exchange.getResponse().getHeaders().clearContentHeaders();
        return Problems.write(exchange, status, slug, title, detail);
    }
}
