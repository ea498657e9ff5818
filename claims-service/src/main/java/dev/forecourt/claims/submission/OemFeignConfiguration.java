package dev.forecourt.claims.submission;

import org.springframework.context.annotation.Bean;

import feign.RequestInterceptor;
import feign.Retryer;

/**
 * Settings of the OEM client only (deliberately not a {@code @Configuration}, so it does not
 * leak into other Feign clients): the dealer's API key on every call, and no Feign-level retries
 * because Resilience4j decides about retrying.
 */
class OemFeignConfiguration {

    @Bean
    RequestInterceptor oemApiKey(OemProperties oem) {
        return request -> request.header("X-Api-Key", oem.apiKey());
    }

    @Bean
    Retryer oemNoFeignRetries() {
        return Retryer.NEVER_RETRY;
    }
}
