package dev.forecourt.crm.intake;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import dev.forecourt.platform.events.consume.HandlesEvent;

/**
 * The labour operations done on each repair order, from the workshop's JobCompleted (the handover
 * event does not list them). JobCompleted and RepairOrderHandedOver share the repair order as
 * subject, so the jobs of an order are known when its handover arrives.
 */
@Component
class RepairOrderJobs {

    static final String COLLECTION = "repair_order_jobs";

    @Document(COLLECTION)
    record DoneJobs(@Id String repairOrderId, List<String> labourOperationCodes) {
    }

    record JobCompleted(String repairOrderId, String jobId, String labourOperationCode) {
    }

    private final MongoTemplate mongo;

    RepairOrderJobs(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @HandlesEvent("forecourt.workshop.job-completed.v1")
    void on(JobCompleted job) {
        mongo.upsert(Query.query(Criteria.where("_id").is(job.repairOrderId())),
                new Update().addToSet("labourOperationCodes", job.labourOperationCode()), COLLECTION);
    }

    List<String> of(String repairOrderId) {
        DoneJobs done = mongo.findById(repairOrderId, DoneJobs.class);
        return done == null || done.labourOperationCodes() == null ? List.of() : done.labourOperationCodes();
    }
}
