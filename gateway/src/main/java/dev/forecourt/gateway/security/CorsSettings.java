package dev.forecourt.gateway.security;

import java.util.List;

import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

import dev.forecourt.gateway.config.GatewayProperties;

/** CORS for the front-end apps: bearer tokens, not cookies, so no credentials are allowed. */
final class CorsSettings {

    private CorsSettings() {
    }

    static CorsConfigurationSource source(GatewayProperties.Cors cors) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (cors.allowedOrigins().isEmpty()) {
            return source; // no configuration: browsers get no CORS headers and refuse cross-origin calls
        }
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOriginPatterns(cors.allowedOrigins());
        configuration.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        configuration.setAllowedHeaders(List.of("*"));
        configuration.setExposedHeaders(List.of("X-Request-Id", "Retry-After", "Location", "ETag", "traceparent"));
        configuration.setAllowCredentials(false);
        configuration.setMaxAge(cors.maxAge());
        source.registerCorsConfiguration("/**", configuration);
        return source;
    }
}
