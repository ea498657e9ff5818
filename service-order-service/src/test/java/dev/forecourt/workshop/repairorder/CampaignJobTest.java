package dev.forecourt.workshop.repairorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.Conflict;
import dev.forecourt.platform.errors.InvalidValue;
import dev.forecourt.platform.errors.RuleViolated;
import dev.forecourt.platform.money.Money;
import dev.forecourt.workshop.repairorder.RepairOrderEvents.WarrantyJobCompleted;

/** A campaign job (pay type CAMPAIGN) on a repair order, without Spring. */
class CampaignJobTest {

    static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");
    static final Actor ADVISOR = new Actor("emp-advisor", "advisor", "王顾问", "service-advisor");
    static final Actor TECH = new Actor("emp-tech", "tech", "李师傅", "technician");
    static final Tariff TARIFF = Tariff.flat(Money.cny("280"), new BigDecimal("0.13"));
    static final CampaignFlag RECALL = new CampaignFlag("RC-1", "Airbag inflator", "RECALL", List.of("AIRBAG-R01"));
    static final LabourOperation AIRBAG = new LabourOperation("AIRBAG-R01", "Replace passenger airbag inflator");

    @Test
    void aCampaignJobIsOnlyForACampaignTheCarIsFlaggedFor() {
        RepairOrder order = open();
        assertThatThrownBy(() -> order.addJob(AIRBAG, BigDecimal.ONE, PayType.CAMPAIGN, null, null, "RC-1", NOW))
                .isInstanceOfSatisfying(RuleViolated.class, e -> assertThat(e.type()).isEqualTo("not-in-campaign"));
        order.flagCampaigns(List.of(RECALL));
        Job job = order.addJob(AIRBAG, BigDecimal.ONE, PayType.CAMPAIGN, null, null, "RC-1", NOW);
        assertThat(job.getCampaignCode()).isEqualTo("RC-1");
    }

    @Test
    void aCampaignJobNamesItsCampaignAndOnlyACampaignJobDoes() {
        RepairOrder order = open();
        order.flagCampaigns(List.of(RECALL));
        assertThatThrownBy(() -> order.addJob(AIRBAG, BigDecimal.ONE, PayType.CAMPAIGN, null, null, null, NOW))
                .isInstanceOfSatisfying(RuleViolated.class, e -> assertThat(e.type()).isEqualTo("campaign-code-missing"));
        assertThatThrownBy(() -> order.addJob(AIRBAG, BigDecimal.ONE, PayType.CUSTOMER, null, null, "RC-1", NOW))
                .isInstanceOf(InvalidValue.class);
        assertThat(order.getJobs()).isEmpty();
    }

    @Test
    void aCampaignJobUsesOneOfTheCampaignsLabourOperationsOncePerOrder() {
        RepairOrder order = open();
        order.flagCampaigns(List.of(RECALL));
        assertThatThrownBy(() -> order.addJob(new LabourOperation("BRK-01", "brake pads"), BigDecimal.ONE, PayType.CAMPAIGN, null,
                null, "RC-1", NOW))
                .isInstanceOfSatisfying(RuleViolated.class, e -> assertThat(e.type()).isEqualTo("campaign-operation"));
        order.addJob(AIRBAG, BigDecimal.ONE, PayType.CAMPAIGN, null, null, "RC-1", NOW);
        assertThatThrownBy(() -> order.addJob(AIRBAG, BigDecimal.ONE, PayType.CAMPAIGN, null, null, "RC-1", NOW))
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.type()).isEqualTo("campaign-job-exists"));
    }

    @Test
    void aFlaggedCampaignIsRecordedOnce() {
        RepairOrder order = open();
        order.flagCampaigns(List.of(RECALL));
        order.flagCampaigns(List.of(RECALL, new CampaignFlag("SC-2", "ECU update", "SERVICE_CAMPAIGN", List.of("ECU-1"))));
        assertThat(order.getOpenCampaigns()).extracting(CampaignFlag::campaignCode).containsExactly("RC-1", "SC-2");
    }

    @Test
    void aCampaignJobHandedOverIsClaimedWithItsCampaignCodeAndTheOemPaysIt() {
        RepairOrder order = open();
        order.flagCampaigns(List.of(RECALL));
        order.addJob(AIRBAG, new BigDecimal("1.5"), PayType.CAMPAIGN, "electrical", null, "RC-1", NOW);
        order.addPartsLine("job-1", "5QA880201", "airbag inflator", 1, null);
        order.partsReserved("line-1", "res-1", Money.cny("640.00"), NOW);
        order.approveEstimate("signature", ADVISOR, NOW);
        order.dispatch("job-1", TECH, "B1", NOW);
        order.startJob("job-1", NOW);
        order.finishJob("job-1", new SelfCheck(true, "ok"), NOW);
        order.partsIssued("line-1", "issue-1", 1, NOW);
        order.qualityCheck(true, List.of(), ADVISOR, NOW);
        assertThat(order.outstanding()).isEqualTo(Money.cny("0")); // nothing for the customer to pay
        assertThat(order.getBill().lines()).allMatch(l -> l.payer() == PayType.CAMPAIGN);
        order.handOver(42005, true, ADVISOR, NOW);

        assertThat(order.newEvents()).filteredOn(WarrantyJobCompleted.class::isInstance).singleElement().satisfies(e -> {
            WarrantyJobCompleted w = (WarrantyJobCompleted) e;
            assertThat(w.campaignCode()).isEqualTo("RC-1");
            assertThat(w.cause()).isEqualTo("Campaign RC-1: Airbag inflator");
            assertThat(w.correction()).isEqualTo("Replace passenger airbag inflator");
            assertThat(w.causalPartNumber()).isEqualTo("5QA880201");
            assertThat(w.failureDate()).isEqualTo(LocalDate.parse("2026-11-23"));
            assertThat(w.roadService()).isFalse();
            assertThat(w.labourOperations()).extracting("code").containsExactly("AIRBAG-R01");
        });
    }

    private static RepairOrder open() {
        return RepairOrder.open("ro-1", "RO2026000001", "store-001",
                new Reception(new Vehicle("LSVAB4BM9RN000002", "沪A12345", "Volkswagen", "Lavida"), Customer.of("张伟", "13800000001"),
                        42000, "召回", new WalkAround("ok", "ok", "none"), NOW.plus(Duration.ofHours(4)), null),
                ADVISOR, TARIFF, null, NOW);
    }
}
