package dev.forecourt.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InProcessKafkaTest {

    @TempDir
    Path data;

    /** Kafka's default allocates 128 MB on the heap at start, kept for the life of the stack's one JVM. */
    @Test
    void theLogCleanersDedupeBufferIsSixteenMegabytes() throws Exception {
        try (InProcessKafka kafka = new InProcessKafka(data, 0).start();
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, "1");
            Config config = admin.describeConfigs(List.of(broker)).all().get().get(broker);
            assertThat(config.get("log.cleaner.dedupe.buffer.size").value()).isEqualTo(Long.toString(16L * 1024 * 1024));
        }
    }
}
