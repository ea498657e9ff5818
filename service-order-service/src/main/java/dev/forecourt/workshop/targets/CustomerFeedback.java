package dev.forecourt.workshop.targets;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.forecourt.platform.events.consume.HandlesEvent;
import dev.forecourt.platform.events.consume.IncomingEvent;

/**
 * What CRM learns from the workshop's customers, kept for the KPI report: the CSI of each after-sales
 * callback (a callback about a repair order, or of the after-sales department, whose questionnaire was
 * answered) and each after-sales complaint with its severity as it stands now (a complaint about a
 * repair order, or of the after-sales, reception, workshop or parts department). Each callback and
 * complaint is kept once by its id; a severity change older than the severity already known changes
 * nothing, so events may arrive in any order.
 */
@Component
public class CustomerFeedback {

    static final String CSI = "service_csi";
    static final String COMPLAINTS = "service_complaints";
    static final Set<String> AFTER_SALES = Set.of("after-sales", "reception", "workshop", "parts");

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CallbackCompleted(String callbackId, String kind, String department, String repairOrderId, BigDecimal csi,
                             Instant completedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ComplaintOpened(String complaintId, String severity, String department, String repairOrderId, Instant openedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ComplaintSeverityChanged(String complaintId, String severity, Instant changedAt) {
    }

    /** The answers of one month: responses and their mean CSI (null without responses). */
    public record Satisfaction(long responses, BigDecimal csi) {
    }

    private final MongoTemplate mongo;

    CustomerFeedback(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @HandlesEvent("forecourt.crm.callback-completed.v1")
    void callbackCompleted(CallbackCompleted c) {
        boolean afterSales = c.repairOrderId() != null || AFTER_SALES.contains(c.department());
        if (c.csi() == null || !afterSales) {
            return;
        }
        mongo.upsert(query(where("_id").is(c.callbackId())), new Update().set("repairOrderId", c.repairOrderId())
                .set("kind", c.kind()).set("csi", c.csi().doubleValue()).set("completedAt", Date.from(c.completedAt())), CSI);
    }

    @HandlesEvent("forecourt.crm.complaint-opened.v1")
    void complaintOpened(ComplaintOpened c) {
        if (c.repairOrderId() == null && !AFTER_SALES.contains(c.department())) {
            return;
        }
        mongo.upsert(query(where("_id").is(c.complaintId())), new Update().set("department", c.department())
                .set("repairOrderId", c.repairOrderId()).set("openedAt", Date.from(c.openedAt())), COMPLAINTS);
        severity(c.complaintId(), c.severity(), c.openedAt());
    }

    @HandlesEvent("forecourt.crm.complaint-severity-changed.v1")
    void severityChanged(ComplaintSeverityChanged c, IncomingEvent event) {
        Instant at = c.changedAt() == null ? event.time() : c.changedAt();
        // the complaint may be learnt from this event first: its opening fills the rest
        mongo.upsert(query(where("_id").is(c.complaintId())), new Update().setOnInsert("_id", c.complaintId()), COMPLAINTS);
        severity(c.complaintId(), c.severity(), at);
    }

    /** The severity known as of {@code at}, unless a later one is known already. */
    private void severity(String complaintId, String severity, Instant at) {
        mongo.updateFirst(query(where("_id").is(complaintId).orOperator(where("severityAt").exists(false),
                        where("severityAt").is(null), where("severityAt").lte(Date.from(at)))),
                new Update().set("severity", severity).set("severityAt", Date.from(at)), COMPLAINTS);
    }

    public Satisfaction satisfaction(Instant from, Instant to) {
        List<Document> answers = mongo.find(query(where("completedAt").gte(Date.from(from)).lt(Date.from(to))), Document.class, CSI);
        if (answers.isEmpty()) {
            return new Satisfaction(0, null);
        }
        BigDecimal sum = answers.stream().map(d -> BigDecimal.valueOf(((Number) d.get("csi")).doubleValue()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Satisfaction(answers.size(), sum.divide(BigDecimal.valueOf(answers.size()), 2, RoundingMode.HALF_UP));
    }

    /** After-sales complaints opened in the period that are major as their severity stands now. */
    public long majorComplaints(Instant from, Instant to) {
        return mongo.count(query(new Criteria().andOperator(where("openedAt").gte(Date.from(from)).lt(Date.from(to)),
                where("severity").is("MAJOR"))), COMPLAINTS);
    }
}
