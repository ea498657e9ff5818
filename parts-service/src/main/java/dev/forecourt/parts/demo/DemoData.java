package dev.forecourt.parts.demo;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import dev.forecourt.parts.catalogue.Catalogue;
import dev.forecourt.parts.catalogue.Part;
import dev.forecourt.parts.catalogue.PartDetails;
import dev.forecourt.parts.issuing.IssueRequest.IssueDocument;
import dev.forecourt.parts.issuing.IssueRequest.IssueDocumentType;
import dev.forecourt.parts.issuing.IssueRequest;
import dev.forecourt.parts.issuing.Issuing;
import dev.forecourt.parts.receiving.ReceiptRequest;
import dev.forecourt.parts.receiving.Receiving;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.money.Money;
import dev.forecourt.platform.store.ForecourtProperties;

/**
 * Seeds an empty database of the embedded stack through the domain services (so the events go
 * out too): the shared demo part numbers, one delivery with a refused line, and a few issues.
 */
@Component
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final Actor STOREKEEPER = new Actor("demo-storekeeper", "storekeeper", "Parts storekeeper (demo)", "parts-storekeeper");

    private final ForecourtProperties properties;
    private final MongoTemplate mongo;
    private final Catalogue catalogue;
    private final Receiving receiving;
    private final Issuing issuing;

    DemoData(ForecourtProperties properties, MongoTemplate mongo, Catalogue catalogue, Receiving receiving, Issuing issuing) {
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
                part("G052195M2", "Engine oil 5W-30 1L 机油", "L", "75.00", "D-01-01", 40, 120, 20)
        ).forEach(catalogue::add);
        receiving.receive(new ReceiptRequest("SAIC-VW Parts Distribution 上汽大众配件中心", "DN-DEMO-0001", List.of(
                new ReceiptRequest.Line("06L115562B", 30, 30, 0, null),
                new ReceiptRequest.Line("5Q0698151", 10, 8, 2, "packaging crushed, pads chipped"),
                new ReceiptRequest.Line("04E905612C", 40, 40, 0, null),
                new ReceiptRequest.Line("1K0819653B", 15, 15, 0, null),
                new ReceiptRequest.Line("5Q0407151A", 4, 4, 0, null),
                new ReceiptRequest.Line("G052195M2", 100, 100, 0, null))), STOREKEEPER);
        issue("06L115562B", 1, IssueDocumentType.REPAIR_ORDER, "RO-DEMO-0001");
        issue("G052195M2", 5, IssueDocumentType.REPAIR_ORDER, "RO-DEMO-0001");
        issue("5Q0698151", 1, IssueDocumentType.REPAIR_ORDER, "RO-DEMO-0002");
        issue("1K0819653B", 2, IssueDocumentType.COUNTER_SALE, "CS-DEMO-0001");
        log.info("Demo data: 6 parts, 1 goods receipt, 4 issues");
    }

    private void issue(String partNumber, int quantity, IssueDocumentType type, String document) {
        issuing.issue(new IssueRequest(partNumber, quantity, new IssueDocument(type, document), null), STOREKEEPER);
    }

    private static PartDetails part(String number, String name, String unit, String price, String bin, int min, int max, int safety) {
        return new PartDetails(number, name, unit, Money.cny(price), bin, min, max, safety, true, null);
    }
}
