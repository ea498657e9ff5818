package dev.forecourt.gateway.departures;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.forecourt.gateway.config.GatewayProperties;

/**
 * The deny-list of departed staff, always there (empty without Kafka), and its listener when
 * {@code spring.kafka.bootstrap-servers} is set.
 */
@Configuration(proxyBeanMethods = false)
public class DeparturesConfiguration {

    @Bean
    DepartedStaff departedStaff(GatewayProperties properties) {
        return new DepartedStaff(properties.departures().tokenLifetime(), Clock.systemUTC());
    }

    @Bean
    @ConditionalOnExpression("'${spring.kafka.bootstrap-servers:}'.trim() != ''")
    DepartedStaffListener departedStaffListener(DepartedStaff departedStaff, GatewayProperties properties,
                                                @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
        return new DepartedStaffListener(departedStaff, bootstrapServers, properties.departures().topic(), properties.storeId(),
                properties.departures().tokenLifetime(), Clock.systemUTC());
    }
}
