package dev.forecourt.gateway.health;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import dev.forecourt.gateway.config.GatewayProperties;

import reactor.netty.http.client.HttpClient;

/**
 * The gateway is healthy only when every service it routes to is: {@code /actuator/health}
 * has a {@code services} component with one indicator per service, each asking that service's
 * own {@code /actuator/health}. Liveness and readiness probes do not include it, so a
 * downstream outage does not get the gateway restarted.
 */
@Configuration(proxyBeanMethods = false)
public class DownstreamHealthConfiguration {

    @Bean
    CompositeReactiveHealthContributor services(GatewayProperties properties) {
        int connectMillis = (int) Math.min(Integer.MAX_VALUE, properties.health().timeout().toMillis());
        WebClient client = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create()
                        .option(io.netty.channel.ChannelOption.CONNECT_TIMEOUT_MILLIS, connectMillis)
                        .responseTimeout(properties.health().timeout())))
                .build();
        Map<String, ServiceHealthIndicator> indicators = new LinkedHashMap<>();
        properties.services().forEach((name, service) ->
                indicators.put(name, new ServiceHealthIndicator(client, service.url(), properties.health().timeout())));
        return CompositeReactiveHealthContributor.fromMap(indicators);
    }
}
