package dev.forecourt.workshop.technician;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.RuleViolated;
import dev.forecourt.workshop.technician.TechnicianCertificate.TechnicianCertificateRecorded;

/** A technician's certificate, without Spring. */
class TechnicianCertificateTest {

    static final Instant NOW = Instant.parse("2026-12-05T02:00:00Z");
    static final Actor FOREMAN = new Actor("emp-foreman", "foreman", "赵主管", "workshop-supervisor");

    @Test
    void aCertificateIsValidUpToAndIncludingItsLastDay() {
        TechnicianCertificate c = TechnicianCertificate.record("emp-1", "High-Voltage", "低压电工作业证", "T123", 
                LocalDate.parse("2026-12-05"), FOREMAN, NOW);
        assertThat(c.getSkill()).isEqualTo("high-voltage");
        assertThat(c.isValidOn(LocalDate.parse("2026-12-05"))).isTrue();
        assertThat(c.isValidOn(LocalDate.parse("2026-12-06"))).isFalse();
        assertThat(c.newEvents()).singleElement().isInstanceOf(TechnicianCertificateRecorded.class);
    }

    @Test
    void workNeedingTheSkillIsRefusedOnceTheCertificateLapsedNamingTheCertificate() {
        TechnicianCertificate c = TechnicianCertificate.record("emp-1", "high-voltage", "低压电工作业证", "T123",
                LocalDate.parse("2026-11-30"), FOREMAN, NOW);
        assertThatThrownBy(() -> c.requireValidOn(LocalDate.parse("2026-12-05"), "李师傅"))
                .isInstanceOfSatisfying(RuleViolated.class, e -> {
                    assertThat(e.type()).isEqualTo("certificate-lapsed");
                    assertThat(e.getMessage()).contains("低压电工作业证", "T123", "2026-11-30");
                });
        c.renew("低压电工作业证", "T124", LocalDate.parse("2029-11-30"), FOREMAN, NOW);
        c.requireValidOn(LocalDate.parse("2026-12-05"), "李师傅");
        assertThat(c.getNumber()).isEqualTo("T124");
    }
}
