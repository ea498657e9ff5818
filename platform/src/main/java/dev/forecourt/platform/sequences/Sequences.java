package dev.forecourt.platform.sequences;

import java.time.Year;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Human-readable numbers (repair orders {@code RO2026000006}, claims, receipts): one counter per
 * name in the service's {@value #COLLECTION} collection, advanced by one atomic upserting
 * increment, so concurrent callers never share a number. Numbers are not reused; a failed create
 * leaves a gap, as paper forms do.
 */
public class Sequences {

    static final String COLLECTION = "sequences";

    private final MongoTemplate mongo;

    public Sequences(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The next value of the named counter, from 1. */
    public long next(String name) {
        Document counter = mongo.findAndModify(Query.query(Criteria.where("_id").is(name)), new Update().inc("value", 1L),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
        return ((Number) counter.get("value")).longValue();
    }

    /**
     * The next number of a yearly series: {@code prefix}, the year, then the counter of that year
     * zero-padded to {@code digits}, e.g. {@code yearly("RO", 2026, 6)} → {@code RO2026000006}.
     */
    public String yearly(String prefix, Year year, int digits) {
        long value = next(prefix + "-" + year.getValue());
        return prefix + year.getValue() + String.format("%0" + digits + "d", value);
    }
}
