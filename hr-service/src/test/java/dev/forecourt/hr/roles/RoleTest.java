package dev.forecourt.hr.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.errors.ProblemException;

class RoleTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    @Test
    void settingPermissionsReportsWhatWasGrantedAndRevoked() {
        Role role = Role.define("parts-storekeeper", "store-001", "Parts storekeeper", List.of("parts:read", "parts:issue"), "system", NOW);
        role.grantExactly(null, List.of("parts:read", "parts:receive"), "hr", NOW);

        assertThat(role.getPermissions()).containsExactly("parts:read", "parts:receive");
        assertThat(role.newEvents().get(1)).isInstanceOfSatisfying(RolePermissionsChanged.class, e -> {
            assertThat(e.granted()).containsExactly("parts:receive");
            assertThat(e.revoked()).containsExactly("parts:issue");
            assertThat(e.revision()).isEqualTo(2);
        });
    }

    @Test
    void aPermissionNoServiceEnforcesIsRefusedAndNothingChanges() {
        Role role = Role.define("cashier", "store-001", "Cashier", List.of("sales-orders:read"), "system", NOW);

        assertThatThrownBy(() -> role.grantExactly(null, List.of("sales-orders:read", "cash:open"), "hr", NOW))
                .isInstanceOfSatisfying(ProblemException.class, e ->
                        assertThat(e.fieldProblems()).extracting(f -> f.field()).containsExactly("permissions[1]"));
        assertThat(role.getPermissions()).containsExactly("sales-orders:read");
        assertThat(role.newEvents()).hasSize(1);
    }
}
