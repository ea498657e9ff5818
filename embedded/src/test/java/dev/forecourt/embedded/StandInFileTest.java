package dev.forecourt.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.nio.file.Path;

import org.h2.mvstore.FileStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The on-disk stand-in's store file: dead chunks are written over after a second, not H2's 45 s, and the file is
 * compacted when less than 40 % of it is live, not H2's 90 %.
 */
class StandInFileTest {

    @TempDir
    Path data;

    @Test
    void theSpaceOfDeadChunksIsReusedAfterASecond() {
        CommitEveryWriteH2Backend onDisk = new CommitEveryWriteH2Backend(data.resolve("forecourt.mv").toString());
        try {
            assertThat(onDisk.getMvStore().getRetentionTime()).isEqualTo(CommitEveryWriteH2Backend.RETENTION_MILLIS).isEqualTo(1_000);
        } finally {
            onDisk.close();
        }
    }

    @Test
    void theFileIsCompactedOnlyWhenMostOfItIsDead() throws Exception {
        CommitEveryWriteH2Backend onDisk = new CommitEveryWriteH2Backend(data.resolve("forecourt.mv").toString());
        try {
            // H2 reads the rate only inside its file store (protected): what the builder was given must have reached it
            Method rate = FileStore.class.getDeclaredMethod("getAutoCompactFillRate");
            rate.setAccessible(true);
            assertThat(rate.invoke(onDisk.getMvStore().getFileStore())).isEqualTo(CommitEveryWriteH2Backend.AUTO_COMPACT_FILL_RATE)
                    .isEqualTo(40);
        } finally {
            onDisk.close();
        }
    }
}
