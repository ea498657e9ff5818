package dev.forecourt.hr;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Org chart, positions, employees, roles and the staff identity provider. */
@SpringBootApplication
@EnableConfigurationProperties(HrProperties.class)
public class HrApplication {

    public static void main(String[] args) {
        SpringApplication.run(HrApplication.class, args);
    }
}
