package dev.forecourt.crm.marketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.IllegalTransition;
import dev.forecourt.platform.errors.NotFound;
import dev.forecourt.platform.errors.RuleViolated;

class MarketingListTest {

    static final Actor SPECIALIST = new Actor("emp-crm", "crm", "Customer Service", "customer-service-specialist");
    static final Instant AT = Instant.parse("2026-10-01T02:00:00Z");

    static MarketingList list(ListKind kind) {
        return MarketingList.build("ML2026000001", "store-001",
                new MarketingList.Campaign(kind, "Autumn check", kind == ListKind.CAMPAIGN_INVITATION ? null : "RC1", List.of(),
                        LocalDate.of(2026, 10, 1), null, null),
                List.of(new MarketingList.Candidate("cust-13900000001", "A", "13900000001", "VIN00000000000001", "Lavida", null),
                        new MarketingList.Candidate("cust-13900000002", "B", "13900000002", "VIN00000000000002", "Lavida", "GOLD"),
                        new MarketingList.Candidate("cust-13900000003", "C", "13900000003", "VIN00000000000003", "Lavida", null)),
                SPECIALIST, AT);
    }

    @Test
    void clubMembersAreCalledFirstWithTheirOwnScriptAndTheOthersKeepTheirOrder() {
        MarketingList list = list(ListKind.CAMPAIGN_INVITATION);
        assertThat(list.getEntries()).extracting(ListEntry::customerId)
                .containsExactly("cust-13900000002", "cust-13900000001", "cust-13900000003");
        assertThat(list.getEntries()).extracting(ListEntry::entryNo).containsExactly(1, 2, 3);
        assertThat(list.getEntries().get(0).script()).startsWith("Owners' club member (GOLD)");
        assertThat(list.getEntries().get(1).script()).startsWith("Greet the customer").contains("Autumn check");
        assertThat(list.newEvents()).hasSize(1);
    }

    @Test
    void anInvitationDeclinedMayBeAcceptedLaterButADoneOneStaysDone() {
        MarketingList list = list(ListKind.RECALL);
        list.recordOutcome(2, EntryOutcome.DECLINED, "busy", SPECIALIST, AT);
        assertThat(list.recordOutcome(2, EntryOutcome.ACCEPTED, null, SPECIALIST, AT).outcome()).isEqualTo(EntryOutcome.ACCEPTED);
        assertThat(list.completedForVehicle("VIN00000000000001", "ro-1", AT)).isTrue();
        assertThat(list.completedForVehicle("VIN00000000000001", "ro-1", AT)).isFalse();
        assertThatThrownBy(() -> list.recordOutcome(2, EntryOutcome.DECLINED, null, SPECIALIST, AT)).isInstanceOf(IllegalTransition.class);
        assertThat(list.entry(2).orElseThrow().repairOrderId()).isEqualTo("ro-1");
    }

    @Test
    void aCallCannotRecordDoneAndAnUnknownEntryIsNotFound() {
        MarketingList list = list(ListKind.SERVICE_CAMPAIGN);
        assertThatThrownBy(() -> list.recordOutcome(1, EntryOutcome.DONE, null, SPECIALIST, AT)).isInstanceOf(RuleViolated.class);
        assertThatThrownBy(() -> list.recordOutcome(7, EntryOutcome.INVITED, null, SPECIALIST, AT)).isInstanceOf(NotFound.class);
        assertThat(list.completedForVehicle("UNKNOWN", "ro-2", AT)).isFalse();
    }
}
