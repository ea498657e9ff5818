package dev.forecourt.workshop.dispatch;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import dev.forecourt.platform.errors.IllegalTransition;

/** Who works in which bay right now: claimed at dispatch, released when the job is finished or the order cancelled. */
@Component
public class WorkshopFloor {

    private final MongoTemplate mongo;

    WorkshopFloor(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Takes the technician and the bay together, or neither. */
    void claim(Occupancy template) {
        insert(with(template, Occupancy.technicianKey(template.technicianId())), "Technician " + template.technicianName());
        try {
            insert(with(template, Occupancy.bayKey(template.bayId())), "Bay " + template.bayId());
        } catch (RuntimeException e) {
            release(Occupancy.technicianKey(template.technicianId()), template.repairOrderId(), template.jobId());
            throw e;
        }
    }

    /**
     * Gives back exactly what {@link #claim} took: a concurrent dispatch of the same job to another
     * technician and bay may have won, and its claims must stay.
     */
    void unclaim(Occupancy template) {
        release(Occupancy.technicianKey(template.technicianId()), template.repairOrderId(), template.jobId());
        release(Occupancy.bayKey(template.bayId()), template.repairOrderId(), template.jobId());
    }

    /**
     * A job whose technician left passes to another technician and bay: the new technician is claimed
     * (or the call fails, changing nothing), the bay is claimed unless this job holds it already, and
     * only then the departed technician's and the old bay's claims for this job are released.
     */
    void takeOver(Occupancy template, String formerTechnicianId, String formerBayId) {
        insert(with(template, Occupancy.technicianKey(template.technicianId())), "Technician " + template.technicianName());
        if (!template.bayId().equals(formerBayId)) {
            try {
                insert(with(template, Occupancy.bayKey(template.bayId())), "Bay " + template.bayId());
            } catch (RuntimeException e) {
                release(Occupancy.technicianKey(template.technicianId()), template.repairOrderId(), template.jobId());
                throw e;
            }
            release(Occupancy.bayKey(formerBayId), template.repairOrderId(), template.jobId());
        } else {
            mongo.save(with(template, Occupancy.bayKey(template.bayId())));
        }
        release(Occupancy.technicianKey(formerTechnicianId), template.repairOrderId(), template.jobId());
    }

    public void releaseJob(String repairOrderId, String jobId) {
        mongo.remove(query(where("repairOrderId").is(repairOrderId).and("jobId").is(jobId)), Occupancy.class);
    }

    public void releaseOrder(String repairOrderId) {
        mongo.remove(query(where("repairOrderId").is(repairOrderId)), Occupancy.class);
    }

    public List<Occupancy> all() {
        return mongo.findAll(Occupancy.class);
    }

    private void release(String key, String repairOrderId, String jobId) {
        mongo.remove(query(where("_id").is(key).and("repairOrderId").is(repairOrderId).and("jobId").is(jobId)), Occupancy.class);
    }

    private void insert(Occupancy occupancy, String what) {
        try {
            mongo.insert(occupancy);
        } catch (DuplicateKeyException e) {
            Occupancy holder = mongo.findById(occupancy.id(), Occupancy.class);
            String by = holder == null ? "another job" : holder.orderNumber() + " " + holder.jobId();
            throw new IllegalTransition(what + " is already busy with " + by, "OCCUPIED")
                    .with("occupiedBy", holder == null ? null : holder.repairOrderId());
        }
    }

    private static Occupancy with(Occupancy o, String id) {
        return new Occupancy(id, o.repairOrderId(), o.orderNumber(), o.plate(), o.jobId(), o.operation(), o.technicianId(),
                o.technicianName(), o.bayId(), o.since());
    }
}
