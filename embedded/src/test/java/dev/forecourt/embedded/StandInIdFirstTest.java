package dev.forecourt.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

/**
 * The stand-in ({@link IdFirstH2Collection}) answers a query that names {@code _id} beside other
 * conditions — at the top or inside a top-level {@code $and}, as a conditional stock movement is
 * written — through the {@code _id} index, with MongoDB's answer, and reads no other document.
 */
class StandInIdFirstTest {

    private static final int CARDS = 200;

    static InProcessMongo mongo;
    static MongoClient client;
    static MongoCollection<Document> cards;

    @BeforeAll
    static void cardsOnTheShelves() {
        mongo = InProcessMongo.inMemory();
        client = MongoClients.create(mongo.uri());
        cards = client.getDatabase("forecourt-parts").getCollection("stock_cards");
        List<Document> all = new ArrayList<>();
        for (int i = 0; i < CARDS; i++) {
            all.add(new Document("_id", "P-" + i).append("available", i % 5).append("version", 1));
        }
        cards.insertMany(all);
    }

    @AfterAll
    static void close() {
        client.close();
        mongo.close();
    }

    @Test
    void aConditionJoinedToTheIdByAndIsAnsweredThroughTheIndex() {
        Bson enough = Filters.and(Filters.eq("_id", "P-7"), Filters.gte("available", 2));
        Bson tooFew = Filters.and(Filters.eq("_id", "P-7"), Filters.gte("available", 3));

        assertThat(scanning(() -> cards.find(enough).first())).containsEntry("available", 2);
        assertThat(scanning(() -> cards.find(tooFew).first())).isNull();
        assertThat(scanning(() -> cards.find(Filters.and(Filters.gte("available", 1), Filters.in("_id", "P-1", "P-5", "P-6")))
                .into(new ArrayList<>()))).extracting(d -> d.get("_id")).containsExactlyInAnyOrder("P-1", "P-6");
        assertThat(scanning(() -> cards.findOneAndUpdate(Filters.and(Filters.eq("_id", "P-8"), Filters.gte("available", 3)),
                Updates.inc("available", -3), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))))
                .containsEntry("available", 0);
        assertThat(scanning(() -> cards.updateOne(Filters.and(Filters.eq("_id", "P-8"), Filters.gte("available", 3)),
                Updates.inc("available", -3)).getModifiedCount())).isZero();
        assertThat(scanning(() -> cards.find(Filters.and(Filters.eq("_id", "P-9"), Filters.eq("version", 1))).first())).isNotNull();
    }

    @Test
    void aQueryNoIndexAnswersReadsEveryDocumentAndIsCounted() {
        long before = mongo.documentsScanned();
        assertThat(cards.countDocuments(Filters.or(Filters.eq("_id", "P-3"), Filters.eq("available", 4)))).isEqualTo(1 + CARDS / 5);
        List<Document> four = cards.find(Filters.eq("available", 4)).into(new ArrayList<>());

        assertThat(four).hasSize(CARDS / 5);
        assertThat(mongo.documentsScanned() - before).isGreaterThanOrEqualTo(CARDS);
    }

    private static <T> T scanning(Supplier<T> query) {
        long before = mongo.documentsScanned();
        T answer = query.get();
        assertThat(mongo.documentsScanned() - before).as("documents read without an index").isZero();
        return answer;
    }
}
