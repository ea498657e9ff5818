package dev.forecourt.embedded;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;

/**
 * A unique index of the MongoDB stand-in ({@code _id} and every unique index) that answers lookups
 * from a hash map and keeps H2's map, the one on disk, for writes. H2's own index looks a key up in
 * that map, whose keys ({@link KeyValue}) are not {@link Comparable}: H2 then compares two keys by
 * Java-serialising both, at every step of every binary search: about half of the stand-in's garbage
 * under steady writes, and the young collections that followed paused the whole devstack for 30–60 ms
 * every second or so (docs/benchmarks.md). The hash map holds the same keys, is filled from the map
 * on disk when the collection opens, and changes with it under the index's lock, so the two agree; a
 * key is found by its {@code equals}, as the stand-in's in-memory backend finds it.
 */
final class HashedUniqueIndex extends AbstractUniqueIndex<Object> {

    private final MVMap<KeyValue, Object> stored;
    private final IndexKeyType storedKeys;
    private final Map<KeyValue, Object> byKey = new ConcurrentHashMap<>();

    /** Opens the index's map, under H2's name for it, with its keys ordered as H2 orders them. */
    HashedUniqueIndex(MVStore store, String mapName, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.storedKeys = new IndexKeyType();
        this.stored = store.openMap(mapName, new MVMap.Builder<KeyValue, Object>().keyType(storedKeys));
        stored.forEach(byKey::put);
    }

    @Override
    protected Object getPosition(KeyValue key) {
        return byKey.get(key);
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
        // as H2's index stores it: a null position as Missing
        Object value = Missing.ofNullable(position);
        if (byKey.putIfAbsent(key, value) != null) {
            return false;
        }
        stored.put(key, value);
        return true;
    }

    @Override
    protected Object removeDocument(KeyValue key) {
        byKey.remove(key);
        Object removed = stored.remove(key);
        storedKeys.forget(key);
        return removed;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return stored.entrySet();
    }

    @Override
    public long getCount() {
        return byKey.size();
    }

    @Override
    public boolean isEmpty() {
        return byKey.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
