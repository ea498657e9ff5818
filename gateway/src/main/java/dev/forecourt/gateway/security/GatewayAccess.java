package dev.forecourt.gateway.security;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;

import org.springframework.http.server.PathContainer;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import reactor.core.publisher.Mono;

/**
 * Who may pass the gateway, decided in one pass over the path: open paths and the operations port for
 * everyone, the actuator for holders of {@code operations:read}, everything else for any authenticated
 * staff member. The same rules as {@code pathMatchers(...).permitAll()} … {@code anyExchange().authenticated()},
 * without a reactive pipeline per pattern: Spring Security's delegating manager subscribed one matcher
 * after another, a {@code Mono} chain each, for the fourteen patterns in front of {@code anyExchange()}
 * — on every routed request (docs/benchmarks.md, 2026-12-07 afternoon).
 */
final class GatewayAccess implements ReactiveAuthorizationManager<AuthorizationContext> {

    private static final Mono<AuthorizationResult> GRANTED = Mono.just(new AuthorizationDecision(true));
    private static final AuthorizationResult DENIED = new AuthorizationDecision(false);

    private final List<PathPattern> open;
    private final List<PathPattern> operations;
    private final String operationsAuthority;
    private final int openPort;

    /**
     * @param openPort requests that arrived on this port need nothing (the actuator's own port); -1: none
     */
    GatewayAccess(String[] openPaths, String[] operationsPaths, String operationsAuthority, int openPort) {
        this.open = parse(openPaths);
        this.operations = parse(operationsPaths);
        this.operationsAuthority = operationsAuthority;
        this.openPort = openPort;
    }

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
        ServerWebExchange exchange = context.getExchange();
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        if (onOpenPort(exchange) || matches(open, path)) {
            return GRANTED;
        }
        boolean operationsOnly = matches(operations, path);
        return authentication
                .map(staff -> (AuthorizationResult) new AuthorizationDecision(staff.isAuthenticated()
                        && (!operationsOnly || holds(staff, operationsAuthority))))
                .defaultIfEmpty(DENIED);
    }

    private boolean onOpenPort(ServerWebExchange exchange) {
        InetSocketAddress local = openPort > 0 ? exchange.getRequest().getLocalAddress() : null;
        return local != null && local.getPort() == openPort;
    }

    private static boolean matches(List<PathPattern> patterns, PathContainer path) {
        for (PathPattern pattern : patterns) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }

    private static boolean holds(Authentication staff, String authority) {
        for (GrantedAuthority granted : staff.getAuthorities()) {
            if (authority.equals(granted.getAuthority())) {
                return true;
            }
        }
        return false;
    }

    private static List<PathPattern> parse(String[] paths) {
        return Arrays.stream(paths).map(PathPatternParser.defaultInstance::parse).toList();
    }
}
