package dev.forecourt.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The on-disk stand-in's store file: dead chunks are written over after a second, not H2's 45 s. */
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
}
