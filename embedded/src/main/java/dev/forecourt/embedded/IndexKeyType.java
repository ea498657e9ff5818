package dev.forecourt.embedded;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * H2's type for the keys of a unique index's map on disk. H2 orders those keys ({@link KeyValue}s, not
 * {@link Comparable}) by their Java-serialised bytes and serialises both keys at every comparison of a
 * search; this type orders them the same way — so the maps already on disk stay valid — but remembers a
 * key's bytes, so a key is serialised once, not at every step of every insert's search. Only keys of
 * plain values are remembered: for those, equal keys have equal bytes.
 */
final class IndexKeyType extends ObjectDataType {

    /** About 300 bytes a key: a few megabytes at most; past it keys are serialised as H2 does. */
    private static final int REMEMBERED = 20_000;

    private final Map<KeyValue, byte[]> serialized = new ConcurrentHashMap<>();

    @Override
    public int compare(Object a, Object b) {
        if (a != b && a instanceof KeyValue x && b instanceof KeyValue y) {
            return compareNotNull(bytes(x), bytes(y));
        }
        return super.compare(a, b);
    }

    /** The key left the index. */
    void forget(KeyValue key) {
        serialized.remove(key);
    }

    private byte[] bytes(KeyValue key) {
        if (!plain(key)) {
            return serialize(key);
        }
        byte[] bytes = serialized.get(key);
        if (bytes == null) {
            bytes = serialize(key);
            if (serialized.size() < REMEMBERED) {
                serialized.put(key, bytes);
            }
        }
        return bytes;
    }

    private static boolean plain(KeyValue key) {
        for (Object value : key) {
            if (!(value instanceof String || value instanceof Number || value instanceof Boolean || value instanceof UUID
                    || value instanceof ObjectId)) {
                return false;
            }
        }
        return true;
    }
}
