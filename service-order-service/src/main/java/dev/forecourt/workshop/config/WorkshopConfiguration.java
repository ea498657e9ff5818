package dev.forecourt.workshop.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorkshopProperties.class)
@EnableFeignClients(basePackages = "dev.forecourt.workshop.parts")
class WorkshopConfiguration {
}
