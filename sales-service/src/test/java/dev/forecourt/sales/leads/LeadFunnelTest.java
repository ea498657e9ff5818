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
    static final IntentGradePolicy GRADING = IntentGradePolicy.usual();

    static Lead newLead() {
        return Lead.open("lead-1", new Customer("张伟", "13800000001"), LeadSource.WALK_IN, new Interest("Lavida", null, null),
                new Consultant("emp-sales", "Sales"), T0, T0.plus(Duration.ofHours(2)), SALES);
    }

    @Test
    void theFirstContactMovesANewLeadToContacted() {
        Lead lead = newLead();
        lead.logContact(ContactChannel.PHONE, "called", null, null, GRADING, T0.plusSeconds(60), SALES);
        assertThat(lead.getStatus()).isEqualTo(LeadStatus.CONTACTED);
        assertThat(lead.getContacts()).hasSize(1);
    }

    @Test
    void aLeadMovesForwardOnlyAndMaySkipAStage() {
        Lead lead = newLead();
        lead.logContact(ContactChannel.IN_PERSON, "walked in", null, null, GRADING, T0, SALES);
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
        assertThatThrownBy(() -> lead.lose(null, "  ", T0, SALES))
                .isInstanceOfSatisfying(RuleViolated.class, e -> assertThat(e.type()).isEqualTo("lost-reason-required"));
        assertThat(lead.getStatus()).isEqualTo(LeadStatus.NEW);
        lead.lose(LostReason.PRICE, "price", T0, SALES);
        assertThat(lead.newEvents()).last().isInstanceOfSatisfying(LeadLost.class,
                e -> assertThat(e.reason()).isEqualTo("price"));
    }

    @Test
    void aClosedLeadStaysClosed() {
        Lead lead = newLead();
        lead.logContact(ContactChannel.IN_PERSON, "x", null, null, GRADING, T0, SALES);
        lead.win("so-1", T0, SALES);
        assertThat(lead.newEvents()).last().isInstanceOf(LeadWon.class);
        assertThatThrownBy(() -> lead.lose(null, "changed mind", T0, SALES))
                .isInstanceOfSatisfying(IllegalTransition.class, e -> assertThat(e.currentState()).isEqualTo( "WON"));
    }

    @Test
    void aLeadNotContactedWithinTheAllowedTimeIsFlagged() {
        Lead lead = newLead();
        Duration within = Duration.ofHours(2);
        assertThat(lead.contactOverdue(T0.plus(Duration.ofMinutes(119)), within)).isFalse();
        assertThat(lead.contactOverdue(T0.plus(Duration.ofMinutes(121)), within)).isTrue();
        lead.logContact(ContactChannel.PHONE, "late call", null, null, GRADING, T0.plus(Duration.ofHours(3)), SALES);
        assertThat(lead.contactOverdue(T0.plus(Duration.ofHours(4)), within)).isFalse();
    }

    @Test
    void everyStepOfALeadIsAnEventAboutTheSameCustomer() {
        Lead lead = newLead();
        lead.logContact(ContactChannel.PHONE, "called", null, null, GRADING, T0, SALES);
        lead.advanceTo(LeadStatus.QUOTED, T0, SALES);
        lead.assignTo(new Consultant("emp-2", "Two"), T0, SALES);
        lead.lose(LostReason.PRICE, "price", T0, SALES);
        assertThat(lead.newEvents()).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("LeadOpened", "LeadContacted", "LeadAdvanced", "LeadReassigned", "LeadLost");
        assertThat(lead.newEvents()).allSatisfy(e -> assertThat(e).hasFieldOrPropertyWithValue("customerId", "cust-13800000001"));
    }

    @Test
    void aContactPlansTheNextOneByTheGradesRhythmUnlessTheConsultantNamesIt() {
        Lead lead = newLead();
        assertThat(lead.getNextContactAt()).as("the first contact is due within the store's time").isEqualTo(T0.plus(Duration.ofHours(2)));
        lead.logContact(ContactChannel.IN_PERSON, "test drove, likes it", IntentGrade.H, null, GRADING, T0, SALES);
        assertThat(lead.getIntentGrade()).isEqualTo(IntentGrade.H);
        assertThat(lead.getNextContactAt()).isEqualTo(T0.plus(Duration.ofDays(2)));
        Instant named = T0.plus(Duration.ofDays(1));
        lead.logContact(ContactChannel.PHONE, "call tomorrow", null, named, GRADING, T0.plusSeconds(60), SALES);
        assertThat(lead.getIntentGrade()).as("the grade stays").isEqualTo(IntentGrade.H);
        assertThat(lead.getNextContactAt()).isEqualTo(named);
        assertThat(lead.getContacts()).last().satisfies(c -> {
            assertThat(c.nextContactAt()).isEqualTo(named);
            assertThat(c.intentGrade()).isEqualTo(IntentGrade.H);
        });
        lead.lose(LostReason.FINANCING, "loan refused", T0, SALES);
        assertThat(lead.getNextContactAt()).as("a closed lead needs no follow-up").isNull();
        assertThat(lead.getLostReasonCode()).isEqualTo(LostReason.FINANCING);
    }

    @Test
    void theNextContactMustLieAhead() {
        Lead lead = newLead();
        assertThatThrownBy(() -> lead.logContact(ContactChannel.PHONE, "x", IntentGrade.A, T0.minusSeconds(1), GRADING, T0, SALES))
                .isInstanceOfSatisfying(RuleViolated.class, e -> assertThat(e.type()).isEqualTo("next-contact-in-the-past"));
        assertThat(lead.getContacts()).isEmpty();
    }

    @Test
    void anUngradedLeadIsGradedCAndTheGradingIsConfigurable() {
        Lead lead = newLead();
        lead.logContact(ContactChannel.SMS, "sent brochure", null, null, GRADING, T0, SALES);
        assertThat(lead.getIntentGrade()).isEqualTo(IntentGrade.C);
        assertThat(GRADING.expectedPurchaseBy(IntentGrade.H, T0)).isEqualTo(T0.plus(Duration.ofDays(7)));
        assertThat(GRADING.expectedPurchaseBy(IntentGrade.A, T0)).isEqualTo(T0.plus(Duration.ofDays(15)));
        assertThat(GRADING.expectedPurchaseBy(IntentGrade.B, T0)).isEqualTo(T0.plus(Duration.ofDays(30)));
        assertThat(GRADING.expectedPurchaseBy(IntentGrade.C, T0)).isNull();
        IntentGradePolicy store = GRADING.with(java.util.Map.of(IntentGrade.H, new IntentGradePolicy.Rule(Duration.ofDays(5), null)));
        assertThat(store.expectedPurchaseBy(IntentGrade.H, T0)).isEqualTo(T0.plus(Duration.ofDays(5)));
        assertThat(store.nextContactAfter(IntentGrade.H, T0)).as("the unchanged rhythm is kept").isEqualTo(T0.plus(Duration.ofDays(2)));
    }

    @Test
    void aLeadLostWithoutACatalogueReasonIsOther() {
        Lead lead = newLead();
        lead.lose(null, "moved away", T0, SALES);
        assertThat(lead.getLostReasonCode()).isEqualTo(LostReason.OTHER);
    }
}
