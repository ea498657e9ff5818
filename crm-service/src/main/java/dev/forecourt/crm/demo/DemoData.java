package dev.forecourt.crm.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import dev.forecourt.crm.callback.CallbackDesk;
import dev.forecourt.crm.callback.CallbackKind;
import dev.forecourt.crm.callback.CallbackOutcome;
import dev.forecourt.crm.callback.CallbackStatus;
import dev.forecourt.crm.callback.CallbackTask;
import dev.forecourt.crm.callback.CallbackTasks;
import dev.forecourt.crm.callback.InsurancePolicyInfo;
import dev.forecourt.crm.callback.Questionnaire;
import dev.forecourt.crm.complaint.Complaint;
import dev.forecourt.crm.complaint.ComplaintSeverity;
import dev.forecourt.crm.complaint.ComplaintSource;
import dev.forecourt.crm.complaint.Complaints;
import dev.forecourt.crm.customer.ClubMembership;
import dev.forecourt.crm.customer.Contacts;
import dev.forecourt.crm.customer.Customer;
import dev.forecourt.crm.customer.Customers;
import dev.forecourt.crm.marketing.ListCriteria;
import dev.forecourt.crm.marketing.MarketingLists;
import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.store.ForecourtProperties;

/**
 * Seeds the embedded stack on an empty database: the five shared demo customers with consent to
 * be called, and a few completed follow-ups (one with a low score, which opens a complaint) so
 * the reports show figures. Follow-ups of the sales and workshop demo events arrive by themselves.
 * Everything goes through domain code, so the events are published as in real use.
 */
@Component
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final Actor DEMO_SPECIALIST = new Actor("demo-crm", "demo-crm", "客服 Demo", "customer-service-specialist");

    static final String DEMO_CAMPAIGN = "车主俱乐部冬季免费检测 Club winter check";

    private record DemoCustomer(String name, String phone, String wechat) {
    }

    private static final List<DemoCustomer> CUSTOMERS = List.of(
            new DemoCustomer("张伟 Zhang Wei", "13800000001", "zhangwei_88"),
            new DemoCustomer("李娜 Li Na", "13800000002", "lina_sh"),
            new DemoCustomer("王强 Wang Qiang", "13800000003", null),
            new DemoCustomer("刘洋 Liu Yang", "13800000004", "liuyang_car"),
            new DemoCustomer("陈静 Chen Jing", "13800000005", null));

    private final ForecourtProperties store;
    private final MongoTemplate mongo;
    private final Customers customers;
    private final CallbackTasks tasks;
    private final CallbackDesk desk;
    private final Clock clock;
    private final Complaints complaints;
    private final MarketingLists lists;

    DemoData(ForecourtProperties store, MongoTemplate mongo, Customers customers, CallbackTasks tasks,
             CallbackDesk desk, Clock clock, Complaints complaints, MarketingLists lists) {
        this.lists = lists;
        this.complaints = complaints;
        this.store = store;
        this.mongo = mongo;
        this.customers = customers;
        this.tasks = tasks;
        this.desk = desk;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        if (!store.demoData() || mongo.getCollection(mongo.getCollectionName(CallbackTask.class)).countDocuments() > 0
                || mongo.getCollection(mongo.getCollectionName(Customer.class)).countDocuments() > 0) {
            return;
        }
        seedDemoData();
    }

    /** Idempotent by itself (deterministic ids, only open tasks are completed), so a restart mid-seed is harmless. */
    void seedDemoData() {
        Instant now = clock.instant();
        for (int i = 0; i < CUSTOMERS.size(); i++) {
            DemoCustomer demo = CUSTOMERS.get(i);
            ClubMembership club = i < 2 ? new ClubMembership("VW-CLUB-00" + (i + 1), i == 0 ? "GOLD" : "SILVER", LocalDate.of(2025, 3, 1)) : null;
            customers.apply(demo.phone(), demo.name(), "STAFF", c -> {
                c.edit(demo.name(), new Contacts(List.of(), demo.wechat(), null, null), true, true, club, DEMO_SPECIALIST, now);
                return true;
            });
        }
        completed("demo-delivery-1", CallbackKind.DELIVERY_FOLLOW_UP, CUSTOMERS.get(0), "demo-consultant", "销售顾问 Sales",
                new Questionnaire(9, null, 9, 8, null, 10, true, true, null, 10, 9, 9), "提车很顺利，顾问讲解很细致。");
        completed("demo-service-1", CallbackKind.SERVICE_FOLLOW_UP, CUSTOMERS.get(1), "demo-advisor", "服务顾问 Advisor",
                new Questionnaire(9, 8, 9, 7, 7, 9, true, true, 9, null, 8, 9), "保养很快，价格可以再透明一些。");
        completed("demo-service-2", CallbackKind.SERVICE_FOLLOW_UP, CUSTOMERS.get(2), "demo-advisor", "服务顾问 Advisor",
                new Questionnaire(6, 4, 6, 5, 5, 7, false, false, 4, null, 6, 4), "等了三个小时，异响还在。");
        Customer liu = customers.findByPhone(CUSTOMERS.get(3).phone()).orElseThrow();
        complaints.open("complaint-demo-major-1", new Complaint.Details(ComplaintSource.INTAKE, ComplaintSeverity.MAJOR, liu.getId(),
                liu.getName(), liu.getPhone(), "after-sales", null, null, null, null,
                "Air conditioning smells again two weeks after the last repair", "空调又有异味了，上次修了没用"), DEMO_SPECIALIST);
        // The policy sold with Zhang Wei's car expires in 50 days: the renewal call is on today's list.
        Customer zhang = customers.findByPhone(CUSTOMERS.get(0).phone()).orElseThrow();
        LocalDate today = LocalDate.ofInstant(now, store.timeZone());
        tasks.insuranceRenewal("demo-so-1", new InsurancePolicyInfo("中国人保 PICC", "PDAA2025DEMO0001", new java.math.BigDecimal("4860.00"),
                "CNY", today.minusDays(315), today.plusDays(50), Instant.parse("2025-01-01T00:00:00Z")), zhang,
                new CallbackTask.Subject(CallbackKind.INSURANCE_RENEWAL, null, zhang.getId(), zhang.getName(), zhang.getPhone(), null, null,
                        null, null, "demo-so-1", null, null, null));
        // A store campaign for the owners' club: its invitation list of the members who accept calls.
        if (!mongo.exists(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("name").is(DEMO_CAMPAIGN)), "marketing_lists")) {
            lists.fromCriteria(DEMO_CAMPAIGN, today.plusDays(7), today.plusDays(21), new ListCriteria(null, null, null, true),
                    DEMO_SPECIALIST);
        }
        log.info("Demo data: {} customers, 3 completed callbacks, a major complaint, an insurance renewal call and a campaign list seeded",
                CUSTOMERS.size());
    }

    private void completed(String eventId, CallbackKind kind, DemoCustomer demo, String staffId, String staffName,
                           Questionnaire scores, String words) {
        Customer customer = customers.findByPhone(demo.phone()).orElseThrow();
        CallbackTask.Subject subject = new CallbackTask.Subject(kind, null, customer.getId(), customer.getName(),
                customer.getPhone(), staffId, staffName, null, null, null, null, null, null);
        Instant twoDaysAgo = clock.instant().minus(Duration.ofDays(2));
        var task = kind == CallbackKind.DELIVERY_FOLLOW_UP
                ? tasks.deliveryFollowUp(eventId, twoDaysAgo, customer, subject)
                : tasks.serviceFollowUp(eventId, twoDaysAgo, customer, subject);
        task.filter(t -> t.getStatus() == CallbackStatus.OPEN).ifPresent(t -> desk.complete(t.getId(), ExpectedVersion.ANY,
                new CallbackOutcome(scores, words, false, null, null, false, null, null, "demo"), DEMO_SPECIALIST));
    }
}
