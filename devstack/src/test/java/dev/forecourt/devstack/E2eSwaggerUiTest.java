package dev.forecourt.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * A front-end developer's first hour: the gateway's Swagger UI in a real browser (Debian's
 * Chromium, driven by playwright-core: {@code src/test/browser/try-it-out.mjs}) logs in through
 * hr's token operation, authorises with the token, and tries a read and a create on parts and on
 * sales — each must show the status the API documents (200, 201), which a CORS or {@code servers}
 * mistake would turn into "Failed to fetch". The last screen is saved as
 * {@code target/swagger-ui-try-it-out.png} (docs/images/swagger-ui-try-it-out.png is one such run).
 */
class E2eSwaggerUiTest {

    @Test
    void swaggerUiLogsInAuthorisesAndTriesAReadAndACreateOnTwoServices() throws IOException, InterruptedException {
        RunningStack.ensureStarted();
        Path script = Path.of("src/test/browser/try-it-out.mjs").toAbsolutePath();
        Path screenshot = Path.of("target/swagger-ui-try-it-out.png").toAbsolutePath();
        Process node = new ProcessBuilder("node", script.toString(), RunningStack.GATEWAY, screenshot.toString())
                .directory(script.getParent().toFile()).redirectErrorStream(true).start();
        boolean finished = node.waitFor(3, TimeUnit.MINUTES);
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            node.destroyForcibly();
        }
        assertThat(finished).as("the browser check finished: " + output).isTrue();
        assertThat(node.exitValue()).as(output).isZero();
        assertThat(output).contains("POST /api/v1/auth/token -> 200", "GET /api/v1/parts -> 200", "POST /api/v1/parts -> 201",
                "GET /api/v1/leads -> 200", "POST /api/v1/leads -> 201");
        assertThat(Files.size(screenshot)).isPositive();
    }
}
