package dev.forecourt.claims.submission;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableFeignClients(clients = OemClaimsClient.class)
@EnableConfigurationProperties(OemProperties.class)
class OemClientConfiguration {
}
