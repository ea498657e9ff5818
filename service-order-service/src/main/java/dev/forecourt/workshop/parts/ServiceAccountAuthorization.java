package dev.forecourt.workshop.parts;

import org.springframework.context.annotation.Bean;

import feign.RequestInterceptor;

/**
 * Feign configuration of the parts client (deliberately not a {@code @Configuration}, so it
 * applies to that client only). Reservations always go out as svc-workshop, which holds exactly
 * {@code parts:reserve}: the advisor's own token may lack it, and the automatic retries have no
 * user token at all.
 */
class ServiceAccountAuthorization {

    @Bean
    RequestInterceptor serviceAccountBearer(ServiceAccountToken token) {
        return template -> template.header("Authorization", "Bearer " + token.current());
    }
}
