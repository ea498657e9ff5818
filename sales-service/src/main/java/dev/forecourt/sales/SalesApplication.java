package dev.forecourt.sales;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Vehicle stock, leads, test drives, sales orders, delivery, trade-ins. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SalesApplication {

    public static void main(String[] args) {
        SpringApplication.run(SalesApplication.class, args);
    }
}
