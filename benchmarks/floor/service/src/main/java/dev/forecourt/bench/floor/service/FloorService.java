package dev.forecourt.bench.floor.service;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The floor's service: one Spring MVC endpoint behind Spring Security's JWT resource server (Boot's
 * defaults: every request needs a bearer token, RS256-verified with the public key at
 * {@code spring.security.oauth2.resourceserver.jwt.public-key-location}) that reads one document from
 * MongoDB by id and answers it as JSON. It writes the documents it reads at start.
 */
@SpringBootApplication
public class FloorService {

    static final String COLLECTION = "floor_items";

    public static void main(String[] args) {
        SpringApplication.run(FloorService.class, args);
    }

    /** The shape of a parts stock answer: a few strings and numbers. */
    record Item(String id, String partNumber, String name, String binLocation, int onHand, int reserved, int available,
                long version) {
    }

    @Bean
    ApplicationRunner items(MongoTemplate mongo) {
        return args -> {
            for (int i = 1; i <= 50; i++) {
                String id = "FLOOR%03d".formatted(i);
                mongo.save(new Item(id, id, "Floor part " + i, "Z-" + i, 1_000, 10, 990, 1), COLLECTION);
            }
        };
    }

    @RestController
    static class Items {

        private final MongoTemplate mongo;

        Items(MongoTemplate mongo) {
            this.mongo = mongo;
        }

        @GetMapping("/floor/items/{id}")
        ResponseEntity<Item> item(@PathVariable String id) {
            Item item = mongo.findById(id, Item.class, COLLECTION);
            return item == null ? ResponseEntity.notFound().build() : ResponseEntity.ok(item);
        }
    }
}
