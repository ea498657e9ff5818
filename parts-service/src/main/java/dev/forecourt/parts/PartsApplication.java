package dev.forecourt.parts;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Parts catalogue, receiving, issuing, reservations, stocktakes, planning, returns. */
@SpringBootApplication
public class PartsApplication {

    public static void main(String[] args) {
        SpringApplication.run(PartsApplication.class, args);
    }
}
