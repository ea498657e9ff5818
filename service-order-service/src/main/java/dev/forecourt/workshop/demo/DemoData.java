package dev.forecourt.workshop.demo;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.workshop.billing.Cashier;
import dev.forecourt.workshop.repairorder.PartsLine;
import dev.forecourt.workshop.repairorder.PaymentMethod;
import dev.forecourt.platform.store.ForecourtProperties;
import dev.forecourt.workshop.appointment.Appointment;
import dev.forecourt.workshop.appointment.Appointments;
import dev.forecourt.workshop.config.WorkshopProperties;
import dev.forecourt.workshop.dispatch.Dispatcher;
import dev.forecourt.workshop.dispatch.Occupancy;
import dev.forecourt.workshop.dispatch.WorkshopFloor;
import dev.forecourt.workshop.reception.JobInput;
import dev.forecourt.workshop.reception.PartsLineInput;
import dev.forecourt.workshop.reception.ReceptionDesk;
import dev.forecourt.workshop.repairorder.Customer;
import dev.forecourt.workshop.repairorder.Job;
import dev.forecourt.workshop.repairorder.JobStatus;
import dev.forecourt.workshop.repairorder.PayType;
import dev.forecourt.workshop.repairorder.Reception;
import dev.forecourt.workshop.repairorder.RepairOrder;
import dev.forecourt.workshop.repairorder.RepairOrderStatus;
import dev.forecourt.workshop.repairorder.RepairOrders;
import dev.forecourt.workshop.repairorder.SelfCheck;
import dev.forecourt.workshop.repairorder.Vehicle;
import dev.forecourt.workshop.repairorder.WalkAround;
import dev.forecourt.workshop.roadservice.RoadServiceOrders;
import dev.forecourt.workshop.targets.ServiceTargets;
import dev.forecourt.workshop.campaign.CampaignKind;
import dev.forecourt.workshop.campaign.CampaignPublishing;
import dev.forecourt.workshop.technician.Technician;
import dev.forecourt.workshop.technician.TechnicianRoster;
import dev.forecourt.workshop.workflow.RepairOrderWork;

/**
 * Demo data for the embedded stack (docs/service-guide.md), seeded through the domain code so the
 * events flow to CRM, claims and parts: appointments, an open repair order, one whose parts line waits
 * for brake discs parts-service does not have, and two orders that are handed over — one WARRANTY (claims gets a WarrantyJobCompleted), one customer-paid (CRM
 * schedules its callback). Handing over needs a technician, and the roster only fills from
 * hr-service's events, which may arrive after start-up: those two orders are finished by a
 * periodic step as soon as a technician is known.
 */
@Component
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final String STATE = "demo_state";
    private static final String TO_HAND_OVER = "orders-to-hand-over";
    private static final Actor ADVISOR = new Actor("demo-advisor", "demo-advisor", "王顾问", "service-advisor");
    private static final Actor INSPECTOR = new Actor("demo-foreman", "demo-foreman", "赵主管", "workshop-supervisor");
    private static final Actor DIRECTOR = new Actor("demo-director", "demo-director", "孙总监", "service-director");
    private static final Actor CASHIER = new Actor("demo-cashier", "demo-cashier", "钱收银", "cashier");

    private final ForecourtProperties properties;
    private final MongoTemplate mongo;
    private final Appointments appointments;
    private final ReceptionDesk reception;
    private final RepairOrderWork work;
    private final Dispatcher dispatcher;
    private final RepairOrders orders;
    private final TechnicianRoster roster;
    private final WorkshopFloor floor;
    private final WorkshopProperties workshop;
    private final Cashier cashier;
    private final Clock clock;
    private final CampaignPublishing campaigns;
    private final dev.forecourt.workshop.technician.Certificates certificates;
    private final RoadServiceOrders roadService;
    private final ServiceTargets targets;

    DemoData(ForecourtProperties properties, MongoTemplate mongo, Appointments appointments, ReceptionDesk reception,
             RepairOrderWork work, Dispatcher dispatcher, RepairOrders orders, TechnicianRoster roster, WorkshopFloor floor,
             WorkshopProperties workshop, Cashier cashier, Clock clock, CampaignPublishing campaigns,
             dev.forecourt.workshop.technician.Certificates certificates, RoadServiceOrders roadService,
             ServiceTargets targets) {
        this.targets = targets;
        this.roadService = roadService;
        this.campaigns = campaigns;
        this.certificates = certificates;
        this.cashier = cashier;
        this.floor = floor;
        this.workshop = workshop;
        this.properties = properties;
        this.mongo = mongo;
        this.appointments = appointments;
        this.reception = reception;
        this.work = work;
        this.dispatcher = dispatcher;
        this.orders = orders;
        this.roster = roster;
        this.clock = clock;
    }

    /** A campaign seeded before stays as it is. */
    private static void publishCampaign(Runnable publish) {
        try {
            publish.run();
        } catch (dev.forecourt.platform.errors.Conflict alreadyPublished) {
            log.debug("Demo campaign already published: {}", alreadyPublished.getMessage());
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void seedAnEmptyDatabase() {
        if (properties.demoData() && mongo.count(new Query(), RepairOrder.class) == 0
                && mongo.count(new Query(), Appointment.class) == 0) {
            seed();
        }
    }

    /** Seeds unconditionally; returns the ids of the orders that will be handed over once a technician is known. */
    List<String> seed() {
        Instant now = clock.instant();
        ZonedDateTime tomorrow = now.atZone(properties.timeZone()).plusDays(1).truncatedTo(ChronoUnit.DAYS);
        // the OEM's campaigns first (the same bulletins as the OEM simulator's), so the cars in them are flagged below
        LocalDate today = now.atZone(properties.timeZone()).toLocalDate();
        publishCampaign(() -> campaigns.importCampaign("RC-2026-017", "Front passenger airbag inflator replacement",
                CampaignKind.RECALL, List.of("LSVAB4BM0RN000003", "LSVCD6AZ9RN100001"), List.of("AIRBAG-R01"),
                today.minusMonths(1), null, DIRECTOR));
        publishCampaign(() -> campaigns.importCampaign("SC-2026-042", "Engine control unit software update (cold start)",
                CampaignKind.SERVICE_CAMPAIGN, List.of("LSVCD6AZ0RN100002"), List.of("ECU-SW-42"), today.minusDays(10),
                today.plusMonths(6), DIRECTOR));
        // the service director's targets for this month (月度服务目标), which the KPI report measures against
        targets.set(java.time.YearMonth.from(today), dev.forecourt.platform.money.Money.cny("250000.00"), 400, new BigDecimal("90"),
                new BigDecimal("0.02"), new BigDecimal("0.01"), DIRECTOR, ExpectedVersion.ANY);
        Appointment wang = appointments.book(Customer.of("王强", "13800000003"),
                new Vehicle("LSVAB4BM0RN000003", "沪A10003", "Volkswagen", "Lavida"), ADVISOR,
                tomorrow.withHour(9).toInstant(), null, "10,000 km service");
        appointments.confirm(wang.getId(), ExpectedVersion.ANY);
        appointments.book(Customer.of("刘洋", "13800000004"),
                new Vehicle("LSVCD6AZ0RN100002", "沪A10004", "Volkswagen", "Tiguan L"), ADVISOR,
                tomorrow.withHour(10).toInstant(), "B2", "air conditioning smells");

        open("LSVCD6AZ9RN100001", "沪A10002", "Tiguan L", Customer.of("李娜", "13800000002"), 36500,
                "刹车时前轮有异响", List.of(job("BRK-01", "Replace front brake pads", "1.2", PayType.CUSTOMER, "maintenance", null)),
                List.of(part(0, "5Q0698151", "front brake pads", 1)));

        List<String> toHandOver = new ArrayList<>();
        // The warranty case is on the car sales' demo data delivers to 张伟, so claims finds its delivery
        // and the claim passes the eligibility check: it failed after delivery, well inside 60,000 km.
        RepairOrder warranty = open("LSVAB4BM7RN000001", "沪A10001", "Lavida", Customer.of("张伟", "13800000001"), 1250,
                "发动机故障灯亮，加速无力", List.of(job("ENG-IGN-04", "Replace spark plugs", "0.8", PayType.WARRANTY, "engine",
                        new JobInput.Warranty("spark plug electrode worn prematurely", "replaced four spark plugs",
                                "04E905612C", LocalDate.ofInstant(now, properties.timeZone()), false, null))),
                List.of(part(0, "04E905612C", "spark plug", 4)));
        toHandOver.add(warranty.getId());
        RepairOrder service = open("LFV3A23C0R3000001", "沪A10005", "Passat", Customer.of("陈静", "13800000005"), 10120,
                "首保，顺便检查空调", List.of(job("MNT-10K", "10,000 km service", "1.0", PayType.CUSTOMER, "maintenance", null)),
                List.of(part(0, "06L115562B", "oil filter", 1), part(0, "G052195M2", "engine oil 1L", 4)));
        toHandOver.add(service.getId());
        for (String id : toHandOver) {
            work.approveEstimate(id, "signature", ADVISOR, ExpectedVersion.ANY);
        }
        // the bill of the customer-paid service shows a charge beside labour and parts
        cashier.addCharge(service.getId(), "waste oil disposal", dev.forecourt.platform.money.Money.cny("15.00"),
                PayType.CUSTOMER, false, ADVISOR, ExpectedVersion.ANY);
        // seeded last, so the earlier demo orders keep their numbers on a fresh store
        waitingForBrakeDiscs(now);
        mongo.upsert(query(where("_id").is(TO_HAND_OVER)), new Update().set("ids", toHandOver), STATE);
        log.info("Demo data: 2 appointments, 4 repair orders (one waits for brake discs); {} to hand over once a technician is on the roster", toHandOver.size());
        handOverWhenATechnicianIsKnown();
        return toHandOver;
    }

    /**
     * Synchronized: the scheduler runs it from the context's start and the seeding calls it once more at
     * its end, so the two could step the same job at once (seen when the devstack started the services side
     * by side: "Job job-1 cannot finish while FINISHED"). One at a time, each run finds where the last left off.
     */
    @Scheduled(fixedDelayString = "${forecourt.workshop.demo-handover-interval:5s}")
    synchronized void handOverWhenATechnicianIsKnown() {
        org.bson.Document state = mongo.findById(TO_HAND_OVER, org.bson.Document.class, STATE);
        if (state == null || state.getList("ids", String.class, List.of()).isEmpty()) {
            return;
        }
        Optional<Technician> technician = roster.all().stream().filter(Technician::active)
                .filter(t -> t.has("engine") && t.has("maintenance")).findFirst();
        if (technician.isEmpty()) {
            return;
        }
        // the demo technician holds the high-voltage licence (持证上岗), valid for two more years
        certificates.record(technician.get().employeeId(), "high-voltage", "低压电工作业证", "DEMO-HV-0001",
                clock.instant().atZone(properties.timeZone()).toLocalDate().plusYears(2), INSPECTOR);
        for (String id : state.getList("ids", String.class)) {
            RepairOrder order = orders.get(id);
            if (order.getStatus() != RepairOrderStatus.HANDED_OVER
                    && order.getJobs().stream().anyMatch(j -> j.getPayType() == PayType.WARRANTY)) {
                roadServiceTo(order, technician.get().employeeId());
            }
            for (Job job : order.getJobs()) {
                advance(id, job, technician.get().employeeId());
            }
            if (orders.get(id).getStatus() == RepairOrderStatus.IN_WORK) {
                work.qualityCheck(id, true, List.of(), INSPECTOR, ExpectedVersion.ANY);
            }
            if (orders.get(id).getStatus() == RepairOrderStatus.QC_PASSED) {
                settle(id);
                work.handOver(id, order.getOdometerInKm() + 6, true, ADVISOR, ExpectedVersion.ANY);
            }
            mongo.updateFirst(query(where("_id").is(TO_HAND_OVER)), new Update().pull("ids", id), STATE);
        }
    }

    /** The car of the warranty case broke down on the road: the technician drove out with the van (外出服务) and back. */
    private void roadServiceTo(RepairOrder order, String technicianId) {
        if (roadService.page(order.getVehicle().vin(), dev.forecourt.platform.paging.Paging.first(1)).total() > 0) {
            return;
        }
        var trip = roadService.dispatch(order.getVehicle().vin(), "嘉定区曹安公路 2000 号 (roadside)", order.getId(), technicianId,
                48_210, INSPECTOR);
        roadService.returned(trip.getId(), 48_246, ExpectedVersion.ANY);
    }

    /**
     * The storekeeper issues parts in parts-service, whose events mark the lines issued; parts the demo
     * stack did not issue are taken off the order (parts-service releases their reservations), so no
     * reservation stays open. Then the cashier takes the customer's share.
     */
    private void settle(String id) {
        for (PartsLine line : orders.get(id).getPartsLines()) {
            if (line.isOpen()) {
                work.removePartsLine(id, line.getId(), "demo: not issued by the parts department", ExpectedVersion.ANY);
            }
        }
        RepairOrder order = orders.get(id);
        if (order.outstanding().amount().signum() > 0) {
            cashier.recordPayment(id, PaymentMethod.WECHAT_PAY, order.outstanding(), CASHIER, ExpectedVersion.ANY);
        }
    }

    /** Takes a job from wherever an earlier, interrupted run left it to FINISHED. */
    private void advance(String id, Job job, String technicianId) {
        JobStatus status = job.getStatus();
        String assigned = job.getTechnician() == null ? technicianId : job.getTechnician().id();
        if (status == JobStatus.APPROVED || status == JobStatus.RETURNED) {
            dispatcher.dispatch(id, job.getId(), technicianId, freeBay(), ExpectedVersion.ANY);
            assigned = technicianId;
            status = JobStatus.DISPATCHED;
        }
        if (status == JobStatus.DISPATCHED || status == JobStatus.PAUSED) {
            work.start(id, job.getId(), technician(assigned), ExpectedVersion.ANY);
            status = JobStatus.IN_PROGRESS;
        }
        if (status == JobStatus.IN_PROGRESS) {
            work.finish(id, job.getId(), technician(assigned), new SelfCheck(true, "torque checked, test drive ok"), ExpectedVersion.ANY);
        }
    }

    private Actor technician(String employeeId) {
        return roster.find(employeeId).map(t -> new Actor(t.employeeId(), t.username(), t.name(), t.positionCode()))
                .orElse(new Actor(employeeId, employeeId, employeeId, "technician"));
    }

    private String freeBay() {
        Set<String> taken = floor.all().stream().map(Occupancy::bayId).collect(Collectors.toSet());
        return workshop.bays().stream().filter(bay -> !taken.contains(bay)).findFirst()
                .orElseThrow(() -> new IllegalStateException("every bay is busy; demo handover waits for the next run"));
    }

    /**
     * A repair order whose parts line waits for goods (issue 16): 刘洋's Lavida needs two front brake discs
     * ({@value #BRAKE_DISC}), of which parts-service's demo has none on the shelf, so parts-service answers
     * "too little stock" and the line is INSUFFICIENT. parts-service counts it among its waiting lines
     * (covered by the discs its demo ordered from the OEM parts centre); the line shows that purchase
     * order and its arrival when parts-service publishes {@code waiting-line-expected} for it, and is
     * reserved ({@code partsArrived} on the order and the board) when the storekeeper receives the discs.
     * The customer approved the work; the car is promised for the day the discs are due (the day after tomorrow).
     */
    private void waitingForBrakeDiscs(Instant now) {
        Instant promised = now.atZone(properties.timeZone()).plusDays(2).truncatedTo(ChronoUnit.DAYS).withHour(17).toInstant();
        RepairOrder discs = open(WAITING_VIN, "沪A10006", "Lavida", Customer.of("刘洋", "13800000004"), 61800,
                "刹车抖动，前刹车盘磨损到限", List.of(job("BRK-02", "Replace front brake discs", "1.5", PayType.CUSTOMER, "maintenance", null)),
                List.of(part(0, BRAKE_DISC, "front brake disc", 2)), promised);
        work.approveEstimate(discs.getId(), "signature", ADVISOR, ExpectedVersion.ANY);
    }

    /** The front brake disc parts-service's demo keeps none of (it is on order from the OEM parts centre). */
    static final String BRAKE_DISC = "3Q0615301";
    /** The car of the order that waits for brake discs. */
    static final String WAITING_VIN = "LSVAB4BM2RN000004";

    private RepairOrder open(String vin, String plate, String model, Customer customer, int odometer, String complaint,
                             List<JobInput> jobs, List<PartsLineInput> parts) {
        return open(vin, plate, model, customer, odometer, complaint, jobs, parts, clock.instant().plus(Duration.ofHours(4)));
    }

    private RepairOrder open(String vin, String plate, String model, Customer customer, int odometer, String complaint,
                             List<JobInput> jobs, List<PartsLineInput> parts, Instant promisedAt) {
        Reception received = new Reception(new Vehicle(vin, plate, "Volkswagen", model), customer, odometer, complaint,
                new WalkAround("no visible damage", "clean", "none"), promisedAt, null);
        return reception.open(received, ADVISOR, null, jobs, parts);
    }

    private static JobInput job(String code, String description, String hours, PayType payType, String skill, JobInput.Warranty warranty) {
        return new JobInput(code, description, new BigDecimal(hours), payType, skill, warranty);
    }

    private static PartsLineInput part(int jobIndex, String partNumber, String description, int quantity) {
        return new PartsLineInput(jobIndex, null, partNumber, description, quantity, null);
    }
}
