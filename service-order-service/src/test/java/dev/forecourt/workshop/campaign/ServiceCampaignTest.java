package dev.forecourt.workshop.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.InvalidValue;
import dev.forecourt.workshop.campaign.ServiceCampaign.CampaignCompletedForVehicle;
import dev.forecourt.workshop.campaign.ServiceCampaign.ServiceCampaignPublished;

/** A service campaign's rules, without Spring. */
class ServiceCampaignTest {

    static final Instant NOW = Instant.parse("2026-12-05T02:00:00Z");
    static final Actor DIRECTOR = new Actor("emp-dir", "director", "孙总监", "service-director");
    static final String IN = "LSVAB4BM9RN000002";
    static final String ALSO_IN = "LSVAB4BM7RN000001";

    @Test
    void aPublishedCampaignAnnouncesItsVinsAndLabourOperations() {
        ServiceCampaign c = recall(LocalDate.parse("2026-12-01"), null);
        assertThat(c.newEvents()).singleElement().isInstanceOfSatisfying(ServiceCampaignPublished.class, e -> {
            assertThat(e.campaignCode()).isEqualTo("RC-1");
            assertThat(e.kind()).isEqualTo(CampaignKind.RECALL);
            assertThat(e.affectedVins()).containsExactly(IN, ALSO_IN);
            assertThat(e.labourOperations()).containsExactly("AIRBAG-R01");
            assertThat(e.endsOn()).isNull();
        });
    }

    @Test
    void aCampaignWithABadVinOrEndingBeforeItStartsIsNotPublished() {
        assertThatThrownBy(() -> ServiceCampaign.publish("RC-1", "t", CampaignKind.RECALL, List.of("LSVAB4BM9RN000003"),
                List.of("OP"), LocalDate.parse("2026-12-01"), null, ServiceCampaign.Source.IMPORT, DIRECTOR, NOW))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.getMessage()).isNotBlank());
        assertThatThrownBy(() -> recall(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-11-30")))
                .isInstanceOf(InvalidValue.class);
    }

    @Test
    void aCampaignIsOpenFromItsFirstToItsLastDay() {
        ServiceCampaign c = recall(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-31"));
        assertThat(c.isOpenOn(LocalDate.parse("2026-11-30"))).isFalse();
        assertThat(c.isOpenOn(LocalDate.parse("2026-12-01"))).isTrue();
        assertThat(c.isOpenOn(LocalDate.parse("2026-12-31"))).isTrue();
        assertThat(c.isOpenOn(LocalDate.parse("2027-01-01"))).isFalse();
        assertThat(recall(LocalDate.parse("2026-12-01"), null).isOpenOn(LocalDate.parse("2030-01-01"))).isTrue();
    }

    @Test
    void aCampaignIsCompletedOncePerAffectedVin() {
        ServiceCampaign c = recall(LocalDate.parse("2026-12-01"), null);
        assertThat(c.completeFor(IN, "ro-1", NOW)).isTrue();
        assertThat(c.completeFor(IN, "ro-2", NOW)).isFalse();
        assertThat(c.completeFor("LSVCD6AZ9RN100001", "ro-3", NOW)).isFalse(); // not in the campaign
        assertThat(c.newEvents()).filteredOn(CampaignCompletedForVehicle.class::isInstance).singleElement()
                .isEqualTo(new CampaignCompletedForVehicle("RC-1", IN, "ro-1", NOW));
        assertThat(c.isDoneFor(IN)).isTrue();
        assertThat(c.outstandingVins()).containsExactly(ALSO_IN);
    }

    @Test
    void theCompletionReportCountsDoneAndOutstandingCars() {
        ServiceCampaign c = recall(LocalDate.parse("2026-12-01"), null);
        c.completeFor(ALSO_IN, "ro-9", NOW);
        CampaignCompletionReport report = CampaignCompletionReport.of(c, LocalDate.parse("2026-12-05"));
        assertThat(report.affectedVehicles()).isEqualTo(2);
        assertThat(report.completedVehicles()).isEqualTo(1);
        assertThat(report.outstandingVehicles()).isEqualTo(1);
        assertThat(report.completionRate()).isEqualByComparingTo("0.5");
        assertThat(report.outstandingVins()).containsExactly(IN);
        assertThat(report.completions()).extracting(ServiceCampaign.Completion::repairOrderId).containsExactly("ro-9");
        assertThat(report.openToday()).isTrue();
    }

    private static ServiceCampaign recall(LocalDate startsOn, LocalDate endsOn) {
        return ServiceCampaign.publish("RC-1", "Airbag inflator", CampaignKind.RECALL, List.of(IN, ALSO_IN, IN), List.of("AIRBAG-R01"),
                startsOn, endsOn, ServiceCampaign.Source.IMPORT, DIRECTOR, NOW);
    }
}
