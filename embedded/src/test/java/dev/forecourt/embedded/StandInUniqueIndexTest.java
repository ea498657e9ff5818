package dev.forecourt.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

/** The on-disk stand-in's unique indexes ({@link HashedUniqueIndex}): MongoDB's answers, before and after a restart. */
class StandInUniqueIndexTest {

    private static final int DUPLICATE_KEY = 11000;

    @TempDir
    Path data;

    @Test
    void keepsIdsAndUniqueFieldsUniqueAcrossARestart() {
        try (InProcessMongo mongo = InProcessMongo.onDisk(data, "127.0.0.1", 0); MongoClient client = MongoClients.create(mongo.uri())) {
            writeAndCollide(vehicles(client));
        }
        // the index is read back from disk
        try (InProcessMongo mongo = InProcessMongo.onDisk(data, "127.0.0.1", 0); MongoClient client = MongoClients.create(mongo.uri())) {
            MongoCollection<Document> vehicles = vehicles(client);
            assertThat(vehicles.find(Filters.eq("_id", "v-1")).first()).containsEntry("vin", "LSVAB4BM0RN000002");
            assertThat(vehicles.find(Filters.in("_id", List.of("v-1", "v-2"))).into(new java.util.ArrayList<>())).hasSize(2);
            assertThat(vehicles.find(Filters.eq("vin", "LSVAB4BM0RN000022")).first()).containsEntry("_id", "v-2");
            assertDuplicate(() -> vehicles.insertOne(new Document("_id", "v-2").append("vin", "LSVAB4BM0RN000009")));
            assertDuplicate(() -> vehicles.insertOne(new Document("_id", "v-9").append("vin", "LSVAB4BM0RN000022")));
            vehicles.insertOne(new Document("_id", "v-9").append("vin", "LSVAB4BM0RN000001"));
            assertThat(vehicles.countDocuments()).isEqualTo(3);
        }
    }

    @Test
    void keepsIdsAndUniqueFieldsUniqueInMemory() {
        try (InProcessMongo mongo = InProcessMongo.inMemory(); MongoClient client = MongoClients.create(mongo.uri())) {
            writeAndCollide(vehicles(client));
        }
    }

    private static void writeAndCollide(MongoCollection<Document> vehicles) {
        vehicles.createIndex(Indexes.ascending("vin"), new IndexOptions().unique(true));
        vehicles.insertOne(new Document("_id", "v-1").append("vin", "LSVAB4BM0RN000001"));
        vehicles.insertOne(new Document("_id", "v-2").append("vin", "LSVAB4BM0RN000002"));

        assertDuplicate(() -> vehicles.insertOne(new Document("_id", "v-1").append("vin", "LSVAB4BM0RN000003")));
        assertDuplicate(() -> vehicles.insertOne(new Document("_id", "v-3").append("vin", "LSVAB4BM0RN000001")));
        assertDuplicate(() -> vehicles.updateOne(Filters.eq("_id", "v-2"), Updates.set("vin", "LSVAB4BM0RN000001")));

        // a removed document frees its id and its unique value; a changed value frees the old one
        vehicles.deleteOne(Filters.eq("_id", "v-1"));
        vehicles.updateOne(Filters.eq("_id", "v-2"), Updates.set("vin", "LSVAB4BM0RN000022"));
        vehicles.insertOne(new Document("_id", "v-1").append("vin", "LSVAB4BM0RN000002"));
        assertThat(vehicles.countDocuments()).isEqualTo(2);
        assertThat(vehicles.find(Filters.eq("vin", "LSVAB4BM0RN000022")).first()).containsEntry("_id", "v-2");
    }

    private static MongoCollection<Document> vehicles(MongoClient client) {
        return client.getDatabase("forecourt-sales").getCollection("vehicles");
    }

    private static void assertDuplicate(Runnable write) {
        assertThatThrownBy(write::run).isInstanceOfSatisfying(MongoWriteException.class,
                e -> assertThat(e.getError().getCode()).isEqualTo(DUPLICATE_KEY));
    }
}
