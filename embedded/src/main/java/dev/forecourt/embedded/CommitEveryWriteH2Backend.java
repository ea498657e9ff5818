package dev.forecourt.embedded;

import java.util.Locale;
import java.util.Set;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The H2 backend commits on its own about once a second; a write acknowledged in that second
 * would be lost by a SIGKILL. Committing before the acknowledgement leaves the reply makes every
 * acknowledged write durable.
 */
final class CommitEveryWriteH2Backend extends H2Backend {

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "create",
            "createindexes", "drop", "dropindexes", "dropdatabase", "renamecollection");

    CommitEveryWriteH2Backend(String file) {
        super(file);
    }

    /** Collections that find by {@code _id} first ({@link IdFirstH2Collection}). */
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return IdFirstH2Collection.Database.open(databaseName, getMvStore(), getCursorRegistry());
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        Document reply = super.handleCommand(channel, database, command, query);
        if (WRITES.contains(command.toLowerCase(Locale.ROOT))) {
            commit();
        }
        return reply;
    }
}
