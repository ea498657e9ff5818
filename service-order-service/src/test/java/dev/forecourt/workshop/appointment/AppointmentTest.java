package dev.forecourt.workshop.appointment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.IllegalTransition;
import dev.forecourt.platform.test.EventSchemas;
import dev.forecourt.workshop.repairorder.Customer;
import dev.forecourt.workshop.repairorder.Vehicle;
import tools.jackson.databind.json.JsonMapper;

/** The appointment's rules, without Spring. */
class AppointmentTest {

    static final Instant SLOT = Instant.parse("2026-11-23T01:00:00Z");

    @Test
    void aNoShowIsRecordedOnceTheSlotBeganAndPublishedAsTheSchemaSays() {
        Appointment appointment = Appointment.book("ap-1", "store-001", Customer.of("王强", "13800000003"),
                new Vehicle("LFV3A23C0R3000001", "沪C55555", "Volkswagen", "Passat"),
                new Actor("emp-advisor", "advisor", "王顾问", "service-advisor"), SLOT, SLOT.plusSeconds(1800), null, null,
                List.of(), SLOT.minusSeconds(86_400));
        assertThatThrownBy(() -> appointment.noShow(SLOT.minusSeconds(60)))
                .isInstanceOfSatisfying(IllegalTransition.class, e -> assertThat(e.currentState()).isEqualTo("REQUESTED"));

        appointment.noShow(SLOT.plusSeconds(600));

        assertThat(appointment.getStatus()).isEqualTo(AppointmentStatus.NO_SHOW);
        var noShow = appointment.newEvents().get(1);
        EventSchemas.assertValid("forecourt.workshop.appointment-no-show.v1", JsonMapper.builder().build().writeValueAsString(noShow));
        assertThatThrownBy(() -> appointment.cancel(SLOT.plusSeconds(700)))
                .isInstanceOfSatisfying(IllegalTransition.class, e -> assertThat(e.currentState()).isEqualTo("NO_SHOW"));
    }
}
