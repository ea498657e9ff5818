package dev.forecourt.embedded;

import java.util.List;
import java.util.function.LongConsumer;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A collection of the MongoDB stand-in that finds documents by {@code _id} first. The stand-in uses an
 * index only for a query on exactly the index's keys: {@code {_id: x, version: 3}} — every versioned
 * save — and the outbox relay's {@code {_id: {$in: …}, pendingEvents.0: {$exists: true}, …}} scanned
 * the whole collection, reading every document from the store, where MongoDB uses the {@code _id}
 * index. Here the {@code _id} part picks the candidates through the index and the whole query is
 * matched on them: the same documents, without the scan. The documents that scans still read are
 * counted ({@link InProcessMongo#documentsScanned()}).
 */
final class IdFirstH2Collection extends H2Collection {

    private static final String ID = "_id";

    private final LongConsumer scanned;

    /** @param scanned where the documents read by scans (queries no index answered) are counted */
    IdFirstH2Collection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
                        MVMap<String, Object> meta, CursorRegistry cursors, LongConsumer scanned) {
        super(database, name, options, data, meta, cursors);
        this.scanned = scanned;
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize, Document fields) {
        Object id = idCriterion(query);
        if (id != null && !(query.size() == 1 && query.containsKey(ID))) {
            Document byId = new Document(ID, id);
            for (Index<Object> index : getIndexes()) {
                if (index.canHandle(byId)) {
                    return matchDocuments(query, index.getPositions(byId), orderBy, skip, limit, batchSize, fields);
                }
            }
        }
        return super.queryDocuments(query, orderBy, skip, limit, batchSize, fields);
    }

    /**
     * The query's condition on {@code _id}: at the top, or in one of a top-level {@code $and}'s parts
     * ({@code {$and: [{_id: x}, {available: {$gte: 2}}]}}, as Spring writes a criteria joined to a
     * query by id). Every match of the query matches that part, so its documents are the candidates.
     */
    private static Object idCriterion(Document query) {
        Object id = query.get(ID);
        if (id != null || !(query.get("$and") instanceof List<?> parts)) {
            return id;
        }
        for (Object part : parts) {
            if (part instanceof Document condition && condition.get(ID) != null) {
                return condition.get(ID);
            }
        }
        return null;
    }

    /** Counts the documents a query read without an index; the query is answered as H2's collection answers it. */
    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int skip, int limit, int batchSize, Document fields) {
        scanned.accept(count());
        return super.matchDocuments(query, orderBy, skip, limit, batchSize, fields);
    }
}
