package dev.forecourt.hr.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.RuleViolated;

class RoleTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private static final Actor SYSTEM = Actor.system("system");
    private static final Actor GM = new Actor("emp-gm", "gm", "赵建国 Zhao Jianguo", "general-manager");

    @Test
    void settingPermissionsReportsWhatWasGrantedAndRevoked() {
        Role role = Role.define("parts-storekeeper", "store-001", "Parts storekeeper", List.of("parts:read", "parts:issue"), SYSTEM, NOW);
        role.grantExactly(null, List.of("parts:read", "parts:receive"), GM, NOW);

        assertThat(role.getPermissions()).containsExactly("parts:read", "parts:receive");
        assertThat(role.newEvents().get(1)).isInstanceOfSatisfying(RolePermissionsChanged.class, e -> {
            assertThat(e.granted()).containsExactly("parts:receive");
            assertThat(e.revoked()).containsExactly("parts:issue");
            assertThat(e.revision()).isEqualTo(2);
        });
    }

    @Test
    void aPermissionNoServiceEnforcesIsRefusedAndNothingChanges() {
        Role role = Role.define("cashier", "store-001", "Cashier", List.of("sales-orders:read"), SYSTEM, NOW);

        assertThatThrownBy(() -> role.grantExactly(null, List.of("sales-orders:read", "cash:open"), GM, NOW))
                .isInstanceOfSatisfying(RuleViolated.class, e ->
                        assertThat(e.fieldProblems()).extracting(f -> f.field()).containsExactly("permissions[1]"));
        assertThat(role.getPermissions()).containsExactly("sales-orders:read");
        assertThat(role.newEvents()).hasSize(1);
    }
}
