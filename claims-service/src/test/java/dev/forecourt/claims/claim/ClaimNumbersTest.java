package dev.forecourt.claims.claim;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import dev.forecourt.claims.ClaimsIntegrationTest;

class ClaimNumbersTest extends ClaimsIntegrationTest {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    LegacyClaimNumberCounters legacy;

    @Test
    void theOldClaimNumberCountersAreCarriedOverSoNoNumberIsHandedOutTwiceAndNoneIsLowered() {
        mongo.insert(new Document("_id", "store-001-2097").append("value", 41L), LegacyClaimNumberCounters.LEGACY);
        mongo.insert(new Document("_id", "store-001-2098").append("value", 3L), LegacyClaimNumberCounters.LEGACY);
        mongo.insert(new Document("_id", ClaimNumbers.counter("store-001", 2098)).append("value", 17L), "sequences");

        legacy.carryOver();

        assertThat(mongo.findById(ClaimNumbers.counter("store-001", 2097), Document.class, "sequences").get("value", Number.class).longValue())
                .isEqualTo(41);
        assertThat(mongo.findById(ClaimNumbers.counter("store-001", 2098), Document.class, "sequences").get("value", Number.class).longValue())
                .as("a counter already further along is not lowered").isEqualTo(17);
        assertThat(mongo.collectionExists(LegacyClaimNumberCounters.LEGACY)).isFalse();
    }

    @Test
    void claimNumbersKeepTheirFormatAndComeFromTheOneSequencesCollection() {
        String number = draftReadyClaim().at("/claimNumber");

        assertThat(number).matches("WC-store-001-\\d{4}-\\d{6}");
        String counter = number.substring(0, number.lastIndexOf('-'));
        assertThat(mongo.findById(counter, Document.class, "sequences").get("value", Number.class).longValue())
                .isEqualTo(Long.parseLong(number.substring(number.lastIndexOf('-') + 1)));
    }
}
