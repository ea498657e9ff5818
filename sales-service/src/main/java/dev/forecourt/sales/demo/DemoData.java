package dev.forecourt.sales.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import dev.forecourt.platform.money.Money;
import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.store.ForecourtProperties;
import dev.forecourt.platform.vin.Vin;
import dev.forecourt.sales.customers.Customer;
import dev.forecourt.sales.config.SalesSettings;
import dev.forecourt.sales.delivery.DeliveryAppointments;
import dev.forecourt.sales.delivery.Handover;
import dev.forecourt.sales.delivery.OrderCancellation;
import dev.forecourt.sales.leads.IntentGrade;
import dev.forecourt.sales.leads.Lead;
import dev.forecourt.sales.leads.LostReason;
import dev.forecourt.sales.leads.LeadRecords.Consultant;
import dev.forecourt.sales.leads.LeadRecords.ContactChannel;
import dev.forecourt.sales.leads.LeadRecords.Interest;
import dev.forecourt.sales.leads.LeadSource;
import dev.forecourt.sales.leads.LeadStatus;
import dev.forecourt.sales.leads.Leads;
import dev.forecourt.sales.orders.OrderRecords.AddOn;
import dev.forecourt.sales.orders.OrderRecords.DeliveryChecklist;
import dev.forecourt.sales.orders.OrderRecords.AddOnType;
import dev.forecourt.sales.orders.OrderRecords.PaymentKind;
import dev.forecourt.sales.orders.OrderRecords.PaymentMethod;
import dev.forecourt.sales.orders.SalesOrder;
import dev.forecourt.sales.orders.SalesOrders;
import dev.forecourt.sales.stock.Vehicle;
import dev.forecourt.sales.targets.SalesTargets;
import dev.forecourt.sales.supply.OemVehicleDistribution;
import dev.forecourt.sales.supply.PaymentRequests;
import dev.forecourt.sales.supply.SupplyPlan;
import dev.forecourt.sales.supply.SupplyPlans;
import dev.forecourt.sales.supply.VehicleOrder;
import dev.forecourt.sales.supply.VehicleOrderEvents.ColourLine;
import dev.forecourt.sales.supply.VehicleOrderEvents.ForecastLine;
import dev.forecourt.sales.supply.VehicleOrders;
import dev.forecourt.sales.fleet.FleetAccount;
import dev.forecourt.sales.fleet.FleetAccounts;
import dev.forecourt.sales.stock.VehiclePool;
import dev.forecourt.sales.stock.VehicleSpec;
import dev.forecourt.sales.stock.VehicleStock;
import dev.forecourt.sales.testdrives.TestDrive;
import dev.forecourt.sales.testdrives.TestDrives;

/**
 * Seeds an empty database with the shared demo facts (docs/service-guide.md) through the domain
 * services, so the events other services rely on are published: vehicles with the demo VINs, two
 * demo cars, leads in every state, a confirmed order and one delivered order, whose
 * VehicleDelivered starts CRM's follow-up and the warranty.
 */
@Component
class DemoData {

    private static final ExpectedVersion ANY = ExpectedVersion.ANY;
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final List<String> DOCUMENTS = List.of("certificate of conformity", "owner's manual", "warranty booklet");
    /** The OEM's order id of the demo call-off it allocated. */
    static final String DEMO_OEM_ORDER = "SVW-VO-DEMO0001";

    private final ForecourtProperties properties;
    private final SalesSettings settings;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final VehicleStock stock;
    private final Leads leads;
    private final TestDrives testDrives;
    private final SalesOrders orders;
    private final SalesTargets salesTargets;
    private final Handover handover;
    private final OrderCancellation cancellation;
    private final DeliveryAppointments deliveries;
    private final VehicleOrders vehicleOrders;
    private final FleetAccounts fleetAccounts;
    private final SupplyPlans supplyPlans;
    private final PaymentRequests paymentRequests;

    DemoData(ForecourtProperties properties, SalesSettings settings, MongoTemplate mongo, Clock clock, VehicleStock stock,
             Leads leads, TestDrives testDrives, SalesOrders orders, SalesTargets salesTargets, Handover handover,
             OrderCancellation cancellation, DeliveryAppointments deliveries, VehicleOrders vehicleOrders,
             FleetAccounts fleetAccounts, SupplyPlans supplyPlans, PaymentRequests paymentRequests) {
        this.supplyPlans = supplyPlans;
        this.paymentRequests = paymentRequests;
        this.vehicleOrders = vehicleOrders;
        this.fleetAccounts = fleetAccounts;
        this.handover = handover;
        this.cancellation = cancellation;
        this.deliveries = deliveries;
        this.salesTargets = salesTargets;
        this.properties = properties;
        this.settings = settings;
        this.mongo = mongo;
        this.clock = clock;
        this.stock = stock;
        this.leads = leads;
        this.testDrives = testDrives;
        this.orders = orders;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        if (!properties.demoData() || mongo.exists(new Query(), Vehicle.class)) {
            return;
        }
        seedDemoStore();
    }

    /** The demo store itself; separate from the guard so a test can seed a database that is not empty. */
    void seedDemoStore() {
        Actor stockAdmin = new Actor("emp-stockadmin", "stockadmin", "库管 Stock Admin", "vehicle-stock-administrator");
        Actor consultant = new Actor("emp-sales", "sales", "销售顾问 Sales Consultant", "sales-consultant");
        Actor manager = new Actor("emp-salesmanager", "salesmanager", "销售经理 Sales Manager", "sales-manager");
        Actor supervisor = new Actor("emp-showroom", "showroom", "展厅主管 Showroom Supervisor", "showroom-supervisor");

        receive("LSVAB4BM7RN000001", "Lavida", "1.5L Comfort", "Pearl White", "118900.00", stockAdmin, true);
        receive("LSVAB4BM9RN000002", "Lavida", "1.5L Comfort", "Tungsten Silver", "118900.00", stockAdmin, true);
        receive("LSVAB4BM0RN000003", "Lavida", "1.5L Premium", "Deep Black", "128900.00", stockAdmin, false);
        receive("LSVCD6AZ9RN100001", "Tiguan L", "330TSI 2WD", "Pure White", "219800.00", stockAdmin, true);
        receive("LSVCD6AZ0RN100002", "Tiguan L", "380TSI 4MOTION", "Oryx White", "269800.00", stockAdmin, true);
        receive("LFV3A23C0R3000001", "Passat", "330TSI Elite", "Aurora Blue", "209900.00", stockAdmin, false);
        stock.recordPdi("LFV3A23C0R3000001", ANY, false, List.of("rear left door paint scratch", "tyre pressure warning"), stockAdmin);
        stock.register(Vin.of("LFV3A23C2R3000002"), spec("Passat", "380TSI Flagship", "Deep Black", "249900.00"), true, stockAdmin);
        receive("LSGZS8F5XRS000001", "ID.4 CROZZ", "Pure+", "Glacier White", "199900.00", stockAdmin, true);
        stock.moveToPool("LSVCD6AZ0RN100002", ANY, VehiclePool.DEMO, stockAdmin);
        stock.moveToPool("LSGZS8F5XRS000001", ANY, VehiclePool.DEMO, stockAdmin);

        Consultant salesConsultant = new Consultant(consultant.id(), consultant.displayName());
        Customer zhangWei = new Customer("张伟", "13800000001");
        Lead zhang = leads.open(zhangWei, LeadSource.WALK_IN, new Interest("Lavida", "1.5L Comfort", "first car"), salesConsultant, consultant);
        leads.logContact(zhang.getId(), ANY, ContactChannel.IN_PERSON, "Walked in, liked the white Lavida", IntentGrade.H, null, consultant);
        leads.advance(zhang.getId(), ANY, LeadStatus.NEGOTIATING, consultant);
        deliveredOrder(zhang.getId(), zhangWei, consultant, manager);

        Customer liNa = new Customer("李娜", "13800000002");
        Lead li = leads.open(liNa, LeadSource.WEB, new Interest("Tiguan L", "330TSI 2WD", "family SUV"), salesConsultant, consultant);
        leads.logContact(li.getId(), ANY, ContactChannel.PHONE, "Called back on the web enquiry, invited for a visit", IntentGrade.A,
                null, consultant);
        leads.advance(li.getId(), ANY, LeadStatus.QUOTED, consultant);
        SalesOrder reserved = orders.draft(li.getId(), liNa, "LSVCD6AZ9RN100001", Money.cny("3000.00"), "web campaign", List.of(), consultant, false);
        orders.recordPayment(reserved.getId(), ANY, PaymentKind.DEPOSIT, PaymentMethod.WECHAT_PAY, Money.cny("5000.00"), consultant);
        orders.confirm(reserved.getId(), ANY, consultant);
        LocalDate dayAfterTomorrow = LocalDate.now(clock.withZone(properties.timeZone())).plusDays(2);
        deliveries.schedule(reserved.getId(), dayAfterTomorrow.atTime(LocalTime.of(15, 0)).atZone(properties.timeZone()).toInstant(),
                "family comes along", supervisor);

        leads.open(new Customer("王强", "13800000003"), LeadSource.PHONE, new Interest("Passat", null, "company car"), salesConsultant, consultant);

        Lead liu = leads.open(new Customer("刘洋", "13800000004"), LeadSource.REFERRAL, new Interest("ID.4 CROZZ", "Pure+", null),
                salesConsultant, consultant);
        leads.logContact(liu.getId(), ANY, ContactChannel.WECHAT, "Sent the ID.4 price list", IntentGrade.B, null, consultant);
        leads.lose(liu.getId(), ANY, LostReason.COMPETITOR, "Bought a competitor's EV with a larger range", consultant);

        Customer chenJing = new Customer("陈静", "13800000005");
        Lead chen = leads.open(chenJing, LeadSource.WALK_IN, new Interest("Tiguan L", "380TSI 4MOTION", null), salesConsultant, consultant);
        ZoneId zone = properties.timeZone();
        LocalDate tomorrow = LocalDate.now(clock.withZone(zone)).plusDays(1);
        leads.logContact(chen.getId(), ANY, ContactChannel.IN_PERSON, "Wants to try the 4MOTION", IntentGrade.H,
                tomorrow.atTime(LocalTime.of(11, 0)).atZone(zone).toInstant(), consultant);
        testDrives.book("LSVCD6AZ0RN100002", tomorrow.atTime(LocalTime.of(10, 0)).atZone(zone).toInstant(), chenJing,
                new TestDrive.DriverLicence("310101199001010021", tomorrow.plusYears(4)), chen.getId(), consultant);
        cancelledAndRefunded(consultant, manager, supervisor);
        targets(consultant, manager);
        vehicleOrders(manager);
        fleet(manager);
        log.info("Demo data seeded: 11 vehicles (3 in transit from the OEM), 5 leads, 4 sales orders (one delivered, one cancelled and refunded, "
                + "one for a fleet account), 2 delivery appointments (one scheduled, one cancelled with its order), 1 test drive, "
                + "3 vehicle orders (one allocated, its payment requested), next months' supply plans");
    }

    private void deliveredOrder(String leadId, Customer customer, Actor consultant, Actor manager) {
        List<AddOn> addOns = List.of(
                new AddOn(AddOnType.INSURANCE, "PICC comprehensive, 1 year", Money.cny("4200.00")),
                new AddOn(AddOnType.ACCESSORY, "floor mats and dash cam", Money.cny("1500.00")));
        // 5,000 on 118,900 is above the 3% limit: the sales manager approves it.
        SalesOrder order = orders.draft(leadId, customer, "LSVAB4BM7RN000001", Money.cny("5000.00"), "year-end offer", addOns, consultant, false);
        orders.approveDiscount(order.getId(), ANY, manager);
        orders.recordPayment(order.getId(), ANY, PaymentKind.DEPOSIT, PaymentMethod.CARD, Money.cny("10000.00"), consultant);
        orders.confirm(order.getId(), ANY, consultant);
        order = orders.addAccessory(order.getId(), ANY, "000061122", "door sill protectors", 1, Money.cny("680.00"), Money.cny("310.00"),
                consultant);
        LocalDate today = LocalDate.now(clock.withZone(properties.timeZone()));
        orders.recordInsurancePolicy(order.getId(), ANY, "PICC", "PDAA" + today.getYear() + "000001", Money.cny("4200.00"), today,
                today.plusYears(1).minusDays(1), consultant);
        order = orders.get(order.getId());
        orders.recordPayment(order.getId(), ANY, PaymentKind.BALANCE, PaymentMethod.BANK_TRANSFER, order.balanceDue(), consultant);
        handover.deliver(order.getId(), ANY, null, 12, new DeliveryChecklist(2, DOCUMENTS, List.of("jack", "tow hook"),
                List.of("first-aid kit", "warning triangle", "door sill protectors"), List.of("infotainment pairing", "ACC", "tyre pressure")),
                consultant);
    }

    /**
     * 周杰 paid a deposit and his delivery was booked for next week; his financing was refused: the order
     * is cancelled, its delivery appointment with it, and the deposit paid back.
     */
    private void cancelledAndRefunded(Actor consultant, Actor manager, Actor supervisor) {
        SalesOrder order = orders.draft(null, new Customer("周杰", "13800000006"), "LSVAB4BM0RN000003", Money.cny("0.00"), null,
                List.of(), consultant, false);
        orders.recordPayment(order.getId(), ANY, PaymentKind.DEPOSIT, PaymentMethod.WECHAT_PAY, Money.cny("3000.00"), consultant);
        orders.confirm(order.getId(), ANY, consultant);
        LocalDate nextWeek = LocalDate.now(clock.withZone(properties.timeZone())).plusDays(7);
        deliveries.schedule(order.getId(), nextWeek.atTime(LocalTime.of(10, 0)).atZone(properties.timeZone()).toInstant(), null, supervisor);
        cancellation.cancel(order.getId(), ANY, "financing refused", consultant);
        orders.recordRefund(order.getId(), ANY, PaymentMethod.WECHAT_PAY, Money.cny("3000.00"), "deposit paid back", manager);
    }

    /** The sales manager's plan for this month and year: the store, the demo consultant and the Tiguan L. */
    private void targets(Actor consultant, Actor manager) {
        LocalDate today = LocalDate.now(clock.withZone(properties.timeZone()));
        String month = java.time.YearMonth.from(today).toString();
        String year = String.valueOf(today.getYear());
        salesTargets.set(month, null, null, null, 20, 18, Money.cny("3500000.00"), manager);
        salesTargets.set(month, consultant.id(), consultant.displayName(), null, 6, 5, Money.cny("1000000.00"), manager);
        salesTargets.set(month, null, null, "Tiguan L", 5, 4, Money.cny("1200000.00"), manager);
        salesTargets.set(year, null, null, null, 240, 220, Money.cny("42000000.00"), manager);
    }

    /**
     * Two call-offs (CALL车) to the OEM: one approved and ready to send (the OEM simulator allocates it
     * when the sales manager sends it), one still a draft; then (after them, so they keep their numbers)
     * a third the OEM allocated and dispatched, its three cars in transit and finance asked to remit its
     * invoice; and the supply plan: the forecasts of the next two months, next month's colours confirmed
     * and not yet ordered. The simulator is not up when the demo is seeded (and keeps nothing over a
     * restart), so what the OEM answered is recorded as the simulator would have answered it.
     */
    private void vehicleOrders(Actor manager) {
        VehicleOrder approved = vehicleOrders.draftCallOff(List.of(
                new VehicleOrder.VehicleOrderLine(0, "Lavida", "1.5L Comfort", "Pearl White", 2),
                new VehicleOrder.VehicleOrderLine(0, "Tiguan L", "330TSI 2WD", "Pure White", 1)), "year-end demand", manager);
        vehicleOrders.approve(approved.getId(), ANY, manager);
        vehicleOrders.draftCallOff(List.of(new VehicleOrder.VehicleOrderLine(0, "Passat", "330TSI Elite", "Aurora Blue", 1)), "fleet enquiry", manager);
        allocatedCallOffAwaitingPayment(manager);
        supplyPlan(manager);
    }

    /** Two Sagitars and a silver Lavida, allocated (the invoice price is 92 % of the guide price) and on the road, arriving in three days. */
    private void allocatedCallOffAwaitingPayment(Actor manager) {
        VehicleOrder callOff = vehicleOrders.draftCallOff(List.of(
                new VehicleOrder.VehicleOrderLine(0, "Sagitar", "300TSI", "Crystal Blue", 2),
                new VehicleOrder.VehicleOrderLine(0, "Lavida", "1.5L Comfort", "Tungsten Silver", 1)), "new-year stock", manager);
        callOff = vehicleOrders.approve(callOff.getId(), ANY, manager);
        Money sagitar = Money.cny("139900.00");
        Money lavida = Money.cny("118900.00");
        callOff = vehicleOrders.allocated(callOff, new OemVehicleDistribution.Allocated(DEMO_OEM_ORDER, List.of(
                new OemVehicleDistribution.Allocation(1, "LFV2B25G1T5100001", "Sagitar", "300TSI", "Crystal Blue", sagitar, Money.cny("128708.00")),
                new OemVehicleDistribution.Allocation(1, "LFV2B25G3T5100002", "Sagitar", "300TSI", "Crystal Blue", sagitar, Money.cny("128708.00")),
                new OemVehicleDistribution.Allocation(2, "LSVAB4BM0TN200001", "Lavida", "1.5L Comfort", "Tungsten Silver", lavida,
                        Money.cny("109388.00")))), manager);
        Instant dispatchedAt = clock.instant();
        LocalDate arrival = LocalDate.ofInstant(dispatchedAt, properties.timeZone()).plusDays(3);
        vehicleOrders.dispatched(callOff.getId(), new OemVehicleDistribution.Dispatches(DEMO_OEM_ORDER, callOff.getAllocations().stream()
                .map(car -> new OemVehicleDistribution.Dispatch(car.vin(), dispatchedAt, arrival, "truck " + car.vin().substring(11), 2, DOCUMENTS))
                .toList()), manager);
        paymentRequests.request(callOff.getNumber(), "invoice of the new-year stock", manager);
    }

    /** Next month (N+1) forecast and its colours confirmed, ready to become the month's order; the month after (N+2) forecast. */
    private void supplyPlan(Actor manager) {
        YearMonth thisMonth = YearMonth.now(clock.withZone(properties.timeZone()));
        YearMonth next = thisMonth.plusMonths(1);
        supplyPlans.forecastTaken(thisMonth.plusMonths(2), List.of(new ForecastLine("Lavida", "1.5L Comfort", 6),
                new ForecastLine("Tiguan L", "330TSI 2WD", 3), new ForecastLine("Sagitar", "300TSI", 2)), ANY, "SVW-PL-DEMO0001", manager);
        SupplyPlan plan = supplyPlans.forecastTaken(next, List.of(new ForecastLine("Lavida", "1.5L Comfort", 5),
                new ForecastLine("Tiguan L", "330TSI 2WD", 2)), ANY, "SVW-PL-DEMO0002", manager);
        supplyPlans.coloursTaken(next, List.of(new ColourLine("Lavida", "1.5L Comfort", "Pearl White", 3),
                new ColourLine("Lavida", "1.5L Comfort", "Tungsten Silver", 2), new ColourLine("Tiguan L", "330TSI 2WD", "Pure White", 2)),
                ExpectedVersion.of(plan.getVersion()), "SVW-PL-DEMO0003", manager);
    }

    /** Two fleet customers (大客户): a key rental account with a drafted order for the silver Lavida, and a government office. */
    private void fleet(Actor manager) {
        FleetAccount rental = fleetAccounts.open(new FleetAccount.Details("上海城投出行 Chengtou Mobility", FleetAccount.Sector.RENTAL,
                FleetAccount.Grade.A, "91310000MA1FL0001X", List.of(new FleetAccount.FleetContact("吴军", "fleet manager", "13900001111",
                "wu.jun@example.com"), new FleetAccount.FleetContact("孙丽", "purchasing", "13900001112", null)), manager.id(),
                manager.displayName(), "about 20 cars a year"), manager);
        fleetAccounts.open(new FleetAccount.Details("徐汇区机关事务管理局 Xuhui District Office", FleetAccount.Sector.GOVERNMENT,
                FleetAccount.Grade.B, null, List.of(new FleetAccount.FleetContact("钱伟", "vehicle officer", "13900001113", null)), manager.id(),
                manager.displayName(), "government procurement catalogue"), manager);
        orders.draft(null, rental.getId(), new Customer("吴军", "13900001111"), "LSVAB4BM9RN000002", Money.cny("2000.00"), "fleet price",
                List.of(), manager, true);
    }

    private void receive(String vin, String model, String trim, String colour, String price, Actor by, boolean pdiPassed) {
        stock.register(Vin.of(vin), spec(model, trim, colour, price), false, by);
        if (pdiPassed) {
            stock.recordPdi(vin, ANY, true, List.of(), by);
        }
    }

    private VehicleSpec spec(String model, String trim, String colour, String price) {
        return new VehicleSpec(settings.brand(), model, trim, colour, Money.cny(price), 2, DOCUMENTS, List.of("first-aid kit", "warning triangle"));
    }
}
