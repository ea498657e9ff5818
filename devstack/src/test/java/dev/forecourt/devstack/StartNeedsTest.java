package dev.forecourt.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartNeedsTest {

    @Test
    void everyServiceWaitsForHrAndTheWorkshopForPartsOnlyWhenItSeedsItsDemoRepairOrders() {
        assertThat(StackComponents.needsAtStart("hr-service", true)).isEmpty();
        assertThat(StackComponents.needsAtStart("crm-service", false)).containsExactly("hr-service");
        assertThat(StackComponents.needsAtStart("service-order-service", true)).containsExactlyInAnyOrder("hr-service", "parts-service");
        assertThat(StackComponents.needsAtStart("service-order-service", false)).containsExactly("hr-service");
    }

    @Test
    void aFirstStartIsOneWithoutStoreData(@TempDir Path dataDir) throws Exception {
        assertThat(Devstack.isFirstStart(dataDir)).isTrue();
        Files.createDirectories(dataDir.resolve("mongo"));
        assertThat(Devstack.isFirstStart(dataDir)).isFalse();
    }
}
