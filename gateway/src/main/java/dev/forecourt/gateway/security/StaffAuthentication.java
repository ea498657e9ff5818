package dev.forecourt.gateway.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import reactor.core.publisher.Mono;

/**
 * A staff token's {@code permissions} claim as authorities, as the services read them
 * ({@code operations:read}, {@code parts:read}, …).
 */
final class StaffAuthentication {

    static final String PERMISSIONS = "permissions";

    private StaffAuthentication() {
    }

    static Mono<AbstractAuthenticationToken> of(Jwt jwt) {
        return Mono.just(new JwtAuthenticationToken(jwt, authorities(jwt), jwt.getSubject()));
    }

    static Collection<GrantedAuthority> authorities(Jwt jwt) {
        Object claim = jwt.getClaims().get(PERMISSIONS);
        if (!(claim instanceof Collection<?> permissions) || permissions.isEmpty()) {
            return List.of();
        }
        List<GrantedAuthority> authorities = new ArrayList<>(permissions.size());
        for (Object permission : permissions) {
            if (permission instanceof String name) {
                authorities.add(new SimpleGrantedAuthority(name));
            }
        }
        return authorities;
    }
}
