package dev.forecourt.hr.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.forecourt.hr.HrProperties;

class ServiceAccountPasswordTest {

    private static HrProperties.ServiceAccount svcWorkshop(String fromEnvironment) {
        return new HrProperties.ServiceAccount("Workshop service account", fromEnvironment, "svc-demo-1234", List.of("parts:read", "parts:reserve"));
    }

    @Test
    void thePasswordFromTheEnvironmentAlwaysWins() {
        assertThat(ServiceAccountProvisioner.passwordToProvision(svcWorkshop("s3cret-from-vault"), false)).contains("s3cret-from-vault");
        assertThat(ServiceAccountProvisioner.passwordToProvision(svcWorkshop("s3cret-from-vault"), true)).contains("s3cret-from-vault");
    }

    @Test
    void theDevDefaultIsOnlyUsedInTheEmbeddedStack() {
        assertThat(ServiceAccountProvisioner.passwordToProvision(svcWorkshop(""), true)).contains("svc-demo-1234");
        assertThat(ServiceAccountProvisioner.passwordToProvision(svcWorkshop(""), false)).isEmpty();
    }
}
