package dev.forecourt.parts.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import dev.forecourt.parts.catalogue.Catalogue;
import dev.forecourt.parts.countersales.CounterSale;
import dev.forecourt.parts.countersales.CounterSelling;
import dev.forecourt.parts.repairorders.PartsLine;
import dev.forecourt.parts.repairorders.RepairOrders;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.parts.catalogue.Part;
import dev.forecourt.parts.catalogue.PartDetails;
import dev.forecourt.parts.issuing.IssueRequest.IssueDocument;
import dev.forecourt.parts.issuing.IssueRequest.IssueDocumentType;
import dev.forecourt.parts.issuing.IssueRequest;
import dev.forecourt.parts.issuing.Issuing;
import dev.forecourt.parts.receiving.ReceiptRequest;
import dev.forecourt.parts.receiving.Receiving;

import dev.forecourt.parts.purchasing.OemPartsOrdering;
import dev.forecourt.parts.purchasing.PurchaseOrder;
import dev.forecourt.parts.purchasing.Purchasing;
import dev.forecourt.parts.reservations.ReservationRequest;
import dev.forecourt.parts.reservations.Reservations;
import dev.forecourt.parts.suppliers.Supplier;
import dev.forecourt.parts.suppliers.Suppliers;
import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.Conflict;
import dev.forecourt.platform.money.Money;
import dev.forecourt.platform.store.ForecourtProperties;

/**
 * Seeds an empty database of the embedded stack through the domain services (so the events go
 * out too): the shared demo part numbers, one delivery with a refused line, a few issues, a counter
 * sale, suppliers and purchase orders with a repair-order line waiting for a back-ordered part.
 */
@Component
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final Actor STOREKEEPER = new Actor("demo-storekeeper", "storekeeper", "Parts storekeeper (demo)", "parts-storekeeper");
    private static final Actor PLANNER = new Actor("demo-planner", "planner", "Parts planner (demo)", "parts-planner");
    private static final Actor PARTS_MANAGER = new Actor("demo-partsmanager", "partsmanager", "Parts manager (demo)", "parts-manager");
    private static final Actor WORKSHOP = new Actor("svc-workshop", "service-order-service", "Workshop (demo)", "service-account");

    private final ForecourtProperties properties;
    private final MongoTemplate mongo;
    private final Catalogue catalogue;
    private final Receiving receiving;
    private final Issuing issuing;
    private final RepairOrders repairOrders;
    private final CounterSelling counterSelling;
    private final Clock clock;
    private final Suppliers suppliers;
    private final Purchasing purchasing;
    private final Reservations reservations;

    DemoData(ForecourtProperties properties, MongoTemplate mongo, Catalogue catalogue, Receiving receiving, Issuing issuing,
             RepairOrders repairOrders, CounterSelling counterSelling, Clock clock, Suppliers suppliers, Purchasing purchasing,
             Reservations reservations) {
        this.suppliers = suppliers;
        this.purchasing = purchasing;
        this.reservations = reservations;
        this.repairOrders = repairOrders;
        this.counterSelling = counterSelling;
        this.clock = clock;
        this.properties = properties;
        this.mongo = mongo;
        this.catalogue = catalogue;
        this.receiving = receiving;
        this.issuing = issuing;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        if (!properties.demoData() || mongo.count(new Query(), Part.class) > 0) {
            return;
        }
        List.of(
                part("06L115562B", "Oil filter 机油滤清器", "pc", "68.00", "A-01-01", 10, 40, 5),
                part("5Q0698151", "Front brake pads 前刹车片", "set", "520.00", "B-02-03", 4, 12, 2),
                part("04E905612C", "Spark plug 火花塞", "pc", "95.00", "A-02-05", 16, 48, 8),
                part("1K0819653B", "Cabin filter 空调滤清器", "pc", "150.00", "A-01-04", 6, 20, 3),
                part("5Q0407151A", "Front control arm 下摆臂", "pc", "860.00", "C-01-02", 2, 6, 1),
                part("G052195M2", "Engine oil 5W-30 1L 机油", "L", "75.00", "D-01-01", 40, 120, 20),
                part("3Q0615301", "Front brake disc 前刹车盘", "pc", "680.00", "C-02-01", 4, 12, 2)
        ).forEach(catalogue::add);
        receiving.receive(new ReceiptRequest("SAIC-VW Parts Distribution 上汽大众配件中心", "DN-DEMO-0001", List.of(
                new ReceiptRequest.Line("06L115562B", 30, 30, 0, null),
                new ReceiptRequest.Line("5Q0698151", 10, 8, 2, "packaging crushed, pads chipped"),
                new ReceiptRequest.Line("04E905612C", 40, 40, 0, null),
                new ReceiptRequest.Line("1K0819653B", 15, 15, 0, null),
                new ReceiptRequest.Line("5Q0407151A", 4, 4, 0, null),
                new ReceiptRequest.Line("G052195M2", 100, 100, 0, null))), STOREKEEPER);
        // two earlier repair orders the workshop announced (parts lines at catalogue prices), issued and handed over
        Instant now = clock.instant();
        repairOrders.learnOrder("RO-DEMO-0001", "RO-DEMO-0001", "LSVAB4BM7RN000001", "cust-13800000001", "13800000001", List.of(
                line("L1", "06L115562B", 1, "68.00", now), line("L2", "G052195M2", 5, "75.00", now)), now, null);
        repairOrders.learnOrder("RO-DEMO-0002", "RO-DEMO-0002", "LSVAB4BM7RN000002", "cust-13800000002", "13800000002", List.of(
                line("L1", "5Q0698151", 1, "520.00", now)), now, null);
        issue("06L115562B", 1, "RO-DEMO-0001", "L1");
        issue("G052195M2", 5, "RO-DEMO-0001", "L2");
        issue("5Q0698151", 1, "RO-DEMO-0002", "L1");
        repairOrders.learnOrder("RO-DEMO-0001", "RO-DEMO-0001", "LSVAB4BM7RN000001", "cust-13800000001", "13800000001", List.of(),
                now, now);
        repairOrders.learnOrder("RO-DEMO-0002", "RO-DEMO-0002", "LSVAB4BM7RN000002", "cust-13800000002", "13800000002", List.of(),
                now, now);
        // a counter sale: two cabin filters, paid by WeChat, handed over
        CounterSale sale = counterSelling.open("cust-13800000003", "Li Lei 李雷", "13800000003",
                List.of(new CounterSelling.SaleLine("1K0819653B", 2)), STOREKEEPER);
        if (sale != null) {
            counterSelling.pay(sale.getId(), "WECHAT_PAY", sale.getTotal(), "WX-DEMO-0001", ExpectedVersion.ANY, STOREKEEPER);
            counterSelling.issue(sale.getId(), ExpectedVersion.ANY, STOREKEEPER);
        }
        purchasing(now);
        log.info("Demo data: 7 parts, 1 goods receipt, 3 repair orders (3 issues, 1 line waiting), 1 counter sale, 2 suppliers, "
                + "2 purchase orders (a draft from the suggestions, one sent to the OEM parts centre with a back order)");
    }

    /**
     * Purchasing: the OEM parts centre and a local supplier; the front brake discs (none on the shelf)
     * are below their reorder point, so the suggestions become a draft; a repair order promised
     * for tomorrow waits for 2 discs; an order of 6 discs was sent to the OEM parts centre, which
     * confirmed 2 for the day after tomorrow and back-ordered 4 — the waiting line is told its date.
     */
    void purchasing(Instant now) {
        suppliers.register("SVW-PC", new Supplier.Details("SAIC-VW Parts Distribution 上汽大众配件中心", Supplier.Kind.OEM_PARTS_CENTRE, 3, true,
                "400-820-1111"), PARTS_MANAGER);
        suppliers.register("HZ-AUTOPARTS", new Supplier.Details("Hangzhou Auto Parts 杭州汽配", Supplier.Kind.LOCAL, 1, false,
                "0571-8888-0000"), PARTS_MANAGER);
        purchasing.draftFromSuggestions("SVW-PC", 90, 7, PLANNER);
        repairOrders.learnOrder("RO-DEMO-0003", "RO-DEMO-0003", "LSVAB4BM7RN000003", "cust-13800000004", "13800000004", List.of(
                line("L1", "3Q0615301", 2, "680.00", now)), now, now.plus(java.time.Duration.ofDays(1)), null);
        try {
            reservations.reserve(new ReservationRequest("RO-DEMO-0003", "L1", "3Q0615301", 2), WORKSHOP);
        } catch (Conflict noStock) {
            // no discs on the shelf: the line waits
        }
        PurchaseOrder order = purchasing.draft("SVW-PC", List.of(new Purchasing.OrderLine("3Q0615301", 6)), PLANNER);
        purchasing.submit(order.getId(), ExpectedVersion.ANY, PLANNER);
        LocalDate today = LocalDate.ofInstant(now, properties.timeZone());
        purchasing.sentToOemParts(order.getId(), new OemPartsOrdering.Confirmation("PC-DEMO-0001",
                List.of(new OemPartsOrdering.ConfirmedLine(1, 2, 4, today.plusDays(2)))), PLANNER);
    }

    private void issue(String partNumber, int quantity, String repairOrder, String lineId) {
        issuing.issue(new IssueRequest(partNumber, quantity, new IssueDocument(IssueDocumentType.REPAIR_ORDER, repairOrder), lineId),
                STOREKEEPER);
    }

    private static PartsLine line(String lineId, String partNumber, int quantity, String price, Instant at) {
        return new PartsLine(lineId, partNumber, quantity, Money.cny(price), "CUSTOMER", at, false);
    }

    static PartDetails part(String number, String name, String unit, String price, String bin, int min, int max, int safety) {
        return new PartDetails(number, name, unit, Money.cny(price), bin, min, max, safety, true, null);
    }
}
