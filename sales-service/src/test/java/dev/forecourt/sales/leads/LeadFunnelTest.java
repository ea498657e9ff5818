package dev.forecourt.sales.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.DomainException;
import dev.forecourt.platform.errors.IllegalTransition;
import dev.forecourt.platform.errors.RuleViolated;
import dev.forecourt.sales.customers.Customer;
import dev.forecourt.sales.leads.LeadEvents.LeadLost;
import dev.forecourt.sales.leads.LeadEvents.LeadWon;
import dev.forecourt.sales.leads.LeadRecords.Consultant;
import dev.forecourt.sales.leads.LeadRecords.ContactChannel;
import dev.forecourt.sales.leads.LeadRecords.Interest;

class LeadFunnelTest {

    static final Actor SALES = new Actor("emp-sales", "sales", "Sales", "sales-consultant");
    static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");

    static Lead newLead() {
        return Lead.open("lead-1", new Customer("张伟", "13800000001"), LeadSource.WALK_IN, new Interest("Lavida", null, null),
                new Consultant("emp-sales", "Sales"), T0, SALES);
    }

    @Test
    void theFirstContactMovesANewLeadToContacted() {
        Lead lead = newLead();
        lead.logContact(ContactChannel.PHONE, "called", T0.plusSeconds(60), SALES);
        assertThat(lead.getStatus()).isEqualTo(LeadStatus.CONTACTED);
        assertThat(lead.getContacts()).hasSize(1);
    }

    @Test
    void aLeadMovesForwardOnlyAndMaySkipAStage() {
        Lead lead = newLead();
        lead.logContact(ContactChannel.IN_PERSON, "walked in", T0, SALES);
        lead.advanceTo(LeadStatus.QUOTED, T0, SALES);
        assertThatThrownBy(() -> lead.advanceTo(LeadStatus.TEST_DRIVEN, T0, SALES))
                .isInstanceOfSatisfying(IllegalTransition.class, e -> assertThat(e.currentState()).isEqualTo( "QUOTED"));
    }

    @Test
    void aNewLeadMustBeContactedBeforeItIsWon() {
        assertThatThrownBy(() -> newLead().win(null, T0, SALES)).isInstanceOf(IllegalTransition.class);
    }

    @Test
    void aLostLeadNeedsAReason() {
        Lead lead = newLead();
        assertThatThrownBy(() -> lead.lose("  ", T0, SALES))
                .isInstanceOfSatisfying(RuleViolated.class, e -> assertThat(e.type()).isEqualTo("lost-reason-required"));
        assertThat(lead.getStatus()).isEqualTo(LeadStatus.NEW);
        lead.lose("price", T0, SALES);
        assertThat(lead.newEvents()).last().isInstanceOfSatisfying(LeadLost.class,
                e -> assertThat(e.reason()).isEqualTo("price"));
    }

    @Test
    void aClosedLeadStaysClosed() {
        Lead lead = newLead();
        lead.logContact(ContactChannel.IN_PERSON, "x", T0, SALES);
        lead.win("so-1", T0, SALES);
        assertThat(lead.newEvents()).last().isInstanceOf(LeadWon.class);
        assertThatThrownBy(() -> lead.lose("changed mind", T0, SALES))
                .isInstanceOfSatisfying(IllegalTransition.class, e -> assertThat(e.currentState()).isEqualTo( "WON"));
    }

    @Test
    void aLeadNotContactedWithinTheAllowedTimeIsFlagged() {
        Lead lead = newLead();
        Duration within = Duration.ofHours(2);
        assertThat(lead.contactOverdue(T0.plus(Duration.ofMinutes(119)), within)).isFalse();
        assertThat(lead.contactOverdue(T0.plus(Duration.ofMinutes(121)), within)).isTrue();
        lead.logContact(ContactChannel.PHONE, "late call", T0.plus(Duration.ofHours(3)), SALES);
        assertThat(lead.contactOverdue(T0.plus(Duration.ofHours(4)), within)).isFalse();
    }

    @Test
    void everyStepOfALeadIsAnEventAboutTheSameCustomer() {
        Lead lead = newLead();
        lead.logContact(ContactChannel.PHONE, "called", T0, SALES);
        lead.advanceTo(LeadStatus.QUOTED, T0, SALES);
        lead.assignTo(new Consultant("emp-2", "Two"), T0, SALES);
        lead.lose("price", T0, SALES);
        assertThat(lead.newEvents()).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("LeadOpened", "LeadContacted", "LeadAdvanced", "LeadReassigned", "LeadLost");
        assertThat(lead.newEvents()).allSatisfy(e -> assertThat(e).hasFieldOrPropertyWithValue("customerId", "cust-13800000001"));
    }
}
