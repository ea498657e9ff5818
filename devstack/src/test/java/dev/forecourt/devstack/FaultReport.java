package dev.forecourt.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The figures of the fault and hostile-input scenarios (writes tried, acknowledged, lost, events
 * delivered ...), printed and appended to {@code target/fault-report.txt} so that a run leaves a
 * record for docs/faults-and-hostile-input.md.
 */
final class FaultReport {

    private static final Path FILE = Path.of("target", "fault-report.txt");

    private FaultReport() {
    }

    static synchronized void record(String scenario, String figures) {
        String line = Instant.now() + " " + scenario + ": " + figures;
        System.out.println("[fault-report] " + line);
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
