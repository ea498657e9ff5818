package dev.forecourt.embedded;

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
 * matched on them: the same documents, without the scan.
 */
final class IdFirstH2Collection extends H2Collection {

    private static final String ID = "_id";

    IdFirstH2Collection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
                                MVMap<String, Object> meta, CursorRegistry cursors) {
        super(database, name, options, data, meta, cursors);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize, Document fields) {
        Object id = query.get(ID);
        if (id != null && query.size() > 1) {
            Document byId = new Document(ID, id);
            for (Index<Object> index : getIndexes()) {
                if (index.canHandle(byId)) {
                    return matchDocuments(query, index.getPositions(byId), orderBy, skip, limit, batchSize, fields);
                }
            }
        }
        return super.queryDocuments(query, orderBy, skip, limit, batchSize, fields);
    }
}
