package dev.forecourt.claims.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import dev.forecourt.claims.claim.ClaimContent;
import dev.forecourt.claims.claim.ClaimNumbers;
import dev.forecourt.claims.claim.ClaimSource;
import dev.forecourt.claims.claim.ClaimStatus;
import dev.forecourt.claims.claim.ClaimType;
import dev.forecourt.claims.claim.ClaimedPart;
import dev.forecourt.claims.claim.LabourOperation;
import dev.forecourt.claims.claim.OutsideServiceOrder;
import dev.forecourt.claims.claim.OemVerdict;
import dev.forecourt.claims.claim.WarrantyClaim;
import dev.forecourt.claims.claim.WarrantyClaims;
import dev.forecourt.claims.eligibility.WarrantyTermsCatalog;
import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.money.Money;
import dev.forecourt.platform.store.ForecourtProperties;

/**
 * Demo data of the embedded stack. Claims come from the workshop's demo warranty order by event;
 * this seeds one settled claim from two months ago (Zhang Wei's Lavida, delivered in sales'
 * demo data), so the reports show something, and one goodwill claim awaiting the service director. It goes through the domain, so its events are
 * published like any other; its fixed id makes seeding happen once.
 */
@Component
public class DemoData {

    static final String HISTORICAL_CLAIM = "claim-demo-history-1";
    static final String GOODWILL_CLAIM = "claim-demo-goodwill-1";
    static final String ROAD_SERVICE_CLAIM = "claim-ro-demo-road-1-job-demo-road-1";
    /** The demo warranty administrator (hr's demo account {@code warranty}). */
    static final Actor WARRANTY_ADMINISTRATOR = new Actor("emp-demo-warranty", "warranty", "沈洁 Shen Jie", "warranty-administrator");
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final WarrantyClaims claims;
    private final AggregateStore aggregates;
    private final ClaimNumbers numbers;
    private final WarrantyTermsCatalog terms;
    private final ForecourtProperties store;
    private final Clock clock;

    public DemoData(WarrantyClaims claims, AggregateStore aggregates, ClaimNumbers numbers, WarrantyTermsCatalog terms, ForecourtProperties store, Clock clock) {
        this.claims = claims;
        this.aggregates = aggregates;
        this.numbers = numbers;
        this.terms = terms;
        this.store = store;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void onReady() {
        if (store.demoData()) {
            seed();
        }
    }

    public void seed() {
        seedGoodwill();
        seedHistorical();
        seedRoadService(); // last: the earlier demo claims keep their numbers
    }

    private void seedHistorical() {
        if (claims.exists(HISTORICAL_CLAIM)) {
            return;
        }
        Instant handedOver = clock.instant().minus(Duration.ofDays(60));
        ClaimContent content = new ClaimContent("LSVAB4BM7RN000001", "Volkswagen", "Lavida", "ro-demo-history-1", "RO-DEMO-0001",
                4_800, LocalDate.ofInstant(handedOver, store.timeZone()).minusDays(1), handedOver, null,
                "前刹车异响 — squealing front brakes", "Front brake pads glazed: pad compound defect", "Replaced front brake pads",
                List.of(new LabourOperation("4610", "Replace front brake pads", new BigDecimal("1.0"))),
                List.of(new ClaimedPart("5Q0698151", "Front brake pads", BigDecimal.ONE, Money.cny("460.00"))),
                "5Q0698151", false, null);
        WarrantyClaim claim = WarrantyClaim.draft(HISTORICAL_CLAIM, numbers.next(), store.storeId(), ClaimSource.MANUAL, null, content,
                terms.forBrand("Volkswagen").labourRate(), WARRANTY_ADMINISTRATOR, handedOver.plus(Duration.ofHours(2)));
        claim.queueForSubmission(List.of(), WARRANTY_ADMINISTRATOR, handedOver.plus(Duration.ofDays(1)), handedOver.plus(Duration.ofDays(1)));
        claim.submissionDelivered(1, "OEM-DEMO-0001", handedOver.plus(Duration.ofDays(1)));
        List<OemVerdict.ApprovedLine> approved = claim.getLines().stream()
                .map(l -> new OemVerdict.ApprovedLine(l.kind(), l.reference(), l.claimed())).toList();
        claim.applyOemVerdict(new OemVerdict(1, ClaimStatus.ACCEPTED, null, null, List.of(), null, null, false), null,
                handedOver.plus(Duration.ofDays(3)));
        claim.applyOemVerdict(new OemVerdict(1, ClaimStatus.APPROVED, null, null, approved, null, null, false), null,
                handedOver.plus(Duration.ofDays(10)));
        claim.applyOemVerdict(new OemVerdict(1, ClaimStatus.PAID, null, null, List.of(),
                approved.stream().map(OemVerdict.ApprovedLine::amount).reduce(Money::plus).orElseThrow(), "PAY-DEMO-0001", false),
                null, handedOver.plus(Duration.ofDays(25)));
        try {
            aggregates.insert(claim);
            log.info("Demo data seeded: one paid warranty claim {}", claim.getClaimNumber());
        } catch (DuplicateKeyException seededMeanwhile) {
            // another instance seeded it first
        }
    }

    /**
     * A goodwill claim waiting for the service director: 王强's Passat, out of its three-guarantees period
     * and past the warranty mileage, whose turbocharger failed; the OEM is asked to pay as goodwill.
     */
    private void seedGoodwill() {
        if (claims.exists(GOODWILL_CLAIM)) {
            return;
        }
        Instant handedOver = clock.instant().minus(Duration.ofDays(2));
        LocalDate today = LocalDate.ofInstant(clock.instant(), store.timeZone());
        ClaimContent content = new ClaimContent("LSVCC6A40PN000003", "Volkswagen", "Passat", "ro-demo-goodwill-1", "RO-DEMO-0002",
                71_500, today.minusDays(4), handedOver, today.minusYears(3).minusMonths(2),
                "涡轮增压器异响、动力不足 — turbo whistle, loss of power", "Turbocharger bearing worn: oil feed line partly blocked",
                "Replaced the turbocharger and the oil feed line",
                List.of(new LabourOperation("2130", "Replace turbocharger", new BigDecimal("3.5"))),
                List.of(new ClaimedPart("06K145874F", "Turbocharger", BigDecimal.ONE, Money.cny("6800.00"))),
                "06K145874F", false, null, ClaimType.GOODWILL, null, null);
        WarrantyClaim claim = WarrantyClaim.draft(GOODWILL_CLAIM, numbers.next(), store.storeId(), ClaimSource.MANUAL, null, content,
                terms.forBrand("Volkswagen").labourRate(), WARRANTY_ADMINISTRATOR, handedOver.plus(Duration.ofHours(3)));
        try {
            aggregates.insert(claim);
            log.info("Demo data seeded: goodwill claim {} awaiting the service director's approval", claim.getClaimNumber());
        } catch (DuplicateKeyException seededMeanwhile) {
            // another instance seeded it first
        }
    }

    /**
     * A claim drafted from the workshop's warranty job with road service: the technician drove out to 刘洋's
     * Tiguan L broken down on the ring road (road-service order FW-DEMO-0001, the van's odometer 12,300 km out and
     * 12,346 km back), so the claim's 46 outside-service km are checked against the order; ready to submit.
     */
    private void seedRoadService() {
        if (claims.exists(ROAD_SERVICE_CLAIM)) {
            return;
        }
        Instant handedOver = clock.instant().minus(Duration.ofDays(1));
        LocalDate today = LocalDate.ofInstant(clock.instant(), store.timeZone());
        ClaimContent content = new ClaimContent("LSVUX65N5PN000021", "Volkswagen", "Tiguan L", "ro-demo-road-1", "RO-DEMO-0003",
                21_400, today.minusDays(2), handedOver, today.minusYears(1).minusMonths(3),
                "环路上熄火无法启动 — stalled on the ring road, will not start", "Fuel pump relay contacts burnt: relay defect",
                "Replaced the fuel pump relay at the roadside",
                List.of(new LabourOperation("2081", "Replace fuel pump relay (roadside)", new BigDecimal("0.8"))),
                List.of(new ClaimedPart("1K0951253", "Fuel pump relay", BigDecimal.ONE, Money.cny("96.00"))),
                "1K0951253", true, 46, ClaimType.WARRANTY, null,
                new OutsideServiceOrder("FW-DEMO-0001", "emp-demo-technician", "陈浩 Chen Hao", 12_300, 12_346));
        WarrantyClaim claim = WarrantyClaim.draft(ROAD_SERVICE_CLAIM, numbers.next(), store.storeId(), ClaimSource.WARRANTY_JOB,
                "job-demo-road-1", content, terms.forBrand("Volkswagen").labourRate(), Actor.system("workshop"),
                handedOver.plus(Duration.ofMinutes(5)));
        try {
            aggregates.insert(claim);
            log.info("Demo data seeded: road-service claim {} with outside-service order FW-DEMO-0001", claim.getClaimNumber());
        } catch (DuplicateKeyException seededMeanwhile) {
            // another instance seeded it first
        }
    }
}
