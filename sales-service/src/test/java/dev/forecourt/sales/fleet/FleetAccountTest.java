package dev.forecourt.sales.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.IllegalTransition;
import dev.forecourt.platform.errors.RuleViolated;

class FleetAccountTest {

    static final Actor FLEET = new Actor("emp-fleet", "fleet", "Fleet Supervisor", "fleet-sales-supervisor");
    static final Instant AT = Instant.parse("2026-12-05T02:00:00Z");

    static FleetAccount.Details details(FleetAccount.Grade grade, List<FleetAccount.FleetContact> contacts) {
        return new FleetAccount.Details("上海城投出行", FleetAccount.Sector.RENTAL, grade, null, contacts, "emp-fleet", "Fleet Supervisor", null);
    }

    static final List<FleetAccount.FleetContact> CONTACTS = List.of(new FleetAccount.FleetContact("吴军", "fleet manager", "13900001111", null));

    @Test
    void aFleetAccountNeedsAContactAndAClosedOneTakesNoOrdersAndNoChanges() {
        assertThatThrownBy(() -> FleetAccount.open("fa-1", details(FleetAccount.Grade.A, List.of()), AT, FLEET))
                .isInstanceOf(RuleViolated.class).hasMessageContaining("at least one contact");
        FleetAccount account = FleetAccount.open("fa-1", details(FleetAccount.Grade.B, CONTACTS), AT, FLEET);
        account.requireTakesOrders();
        account.change(details(FleetAccount.Grade.A, CONTACTS), AT, FLEET);
        assertThat(account.getDetails().grade()).isEqualTo(FleetAccount.Grade.A);
        assertThat(account.newEvents()).hasSize(2);

        account.close(AT, FLEET);
        assertThatThrownBy(account::requireTakesOrders).isInstanceOf(RuleViolated.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> account.change(details(FleetAccount.Grade.C, CONTACTS), AT, FLEET)).isInstanceOf(IllegalTransition.class);
        assertThatThrownBy(() -> account.close(AT, FLEET)).isInstanceOf(IllegalTransition.class);
    }
}
