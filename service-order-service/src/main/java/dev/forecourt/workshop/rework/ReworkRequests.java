package dev.forecourt.workshop.rework;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.events.consume.HandlesEvent;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.paging.Page;
import dev.forecourt.platform.paging.PagedFind;
import dev.forecourt.platform.paging.Paging;
import dev.forecourt.workshop.reception.JobInput;
import dev.forecourt.workshop.reception.PartsLineInput;
import dev.forecourt.workshop.reception.ReceptionDesk;
import dev.forecourt.workshop.repairorder.Reception;
import dev.forecourt.workshop.repairorder.RepairOrder;
import dev.forecourt.workshop.repairorder.RepairOrders;
import dev.forecourt.workshop.repairorder.WalkAround;

/**
 * Rework requests: created from CRM's callbacks answered "needs rework", listed for the service
 * manager, turned into rework orders (linked to the earlier order) or closed.
 */
@Service
public class ReworkRequests {

    private static final Logger log = LoggerFactory.getLogger(ReworkRequests.class);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CallbackCompleted(String callbackId, String customerId, String customerPhone, String kind, String repairOrderId,
                             String vin, boolean reworkRequested, String customerWords, Instant completedAt) {
    }

    /** What reception records when the car comes back for the rework. */
    public record ReworkReception(int odometerInKm, String complaint, WalkAround walkAround, Instant promisedAt,
                                  List<JobInput> jobs, List<PartsLineInput> partsLines) {
    }

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final RepairOrders orders;
    private final ReceptionDesk reception;
    private final Clock clock;

    ReworkRequests(MongoTemplate mongo, AggregateStore store, RepairOrders orders, ReceptionDesk reception, Clock clock) {
        this.mongo = mongo;
        this.store = store;
        this.orders = orders;
        this.reception = reception;
        this.clock = clock;
    }

    @HandlesEvent("forecourt.crm.callback-completed.v1")
    void callbackCompleted(CallbackCompleted callback) {
        if (!callback.reworkRequested() || callback.repairOrderId() == null) {
            return;
        }
        RepairOrder earlier = orders.find(callback.repairOrderId()).orElse(null);
        if (earlier == null) {
            log.warn("Callback {} asks for rework of unknown repair order {}; ignored", callback.callbackId(), callback.repairOrderId());
            return;
        }
        if (mongo.exists(query(where("_id").is(ReworkRequest.idOf(callback.callbackId()))), ReworkRequest.class)) {
            return; // a redelivered callback
        }
        try {
            store.insert(ReworkRequest.fromCallback(callback.callbackId(), earlier.getId(), earlier.getOrderNumber(), earlier.getVehicle(),
                    earlier.getCustomer(), callback.customerWords(), callback.completedAt() == null ? clock.instant() : callback.completedAt()));
        } catch (DuplicateKeyException alreadyThere) {
            // the same callback, delivered twice at once
        }
    }

    public ReworkRequest get(String id) {
        return store.find(ReworkRequest.class, id);
    }

    public Page<ReworkRequest> page(ReworkRequestStatus status, Paging paging) {
        Query query = status == null ? new Query() : query(where("status").is(status));
        return PagedFind.find(mongo, query, Sort.by(Sort.Direction.DESC, "requestedAt").and(Sort.by("_id")), paging, ReworkRequest.class);
    }

    /** Opens the rework order (linked to the earlier order) for the car that came back, and resolves the request. */
    public RepairOrder openReworkOrder(String id, ReworkReception back, Actor serviceManager, ExpectedVersion expected) {
        ReworkRequest request = get(id);
        if (!expected.matches(request.getVersion())) {
            throw new dev.forecourt.platform.errors.VersionConflict("ReworkRequest", id, request.getVersion());
        }
        request.checkOpen();
        Reception received = new Reception(request.getVehicle(), request.getCustomer(), back.odometerInKm(),
                back.complaint() != null ? back.complaint() : "返修: " + (request.getNotes() == null ? "repair did not hold" : request.getNotes()),
                back.walkAround(), back.promisedAt(), null);
        RepairOrder opened = reception.open(received, serviceManager, request.getRepairOrderId(),
                back.jobs() == null ? List.of() : back.jobs(), back.partsLines() == null ? List.of() : back.partsLines());
        store.change(ReworkRequest.class, id, ExpectedVersion.ANY,
                r -> r.reworkOrderOpened(opened.getId(), opened.getOrderNumber(), serviceManager, clock.instant()));
        return opened;
    }

    public ReworkRequest close(String id, String reason, Actor serviceManager, ExpectedVersion expected) {
        return store.change(ReworkRequest.class, id, expected, r -> r.close(reason, serviceManager, clock.instant()));
    }

    public long requestedBetween(Instant from, Instant to) {
        return mongo.count(query(where("requestedAt").gte(from).lt(to)), ReworkRequest.class);
    }

    /** Requests of the period still waiting for the service manager: rework cases no rework order counts yet. */
    public long notTurnedIntoOrdersBetween(Instant from, Instant to) {
        return mongo.count(query(where("requestedAt").gte(from).lt(to).and("status").is(ReworkRequestStatus.OPEN)),
                ReworkRequest.class);
    }

    public List<ReworkRequest> ofVehicle(String vin) {
        return mongo.find(query(where("vehicle.vin").is(vin)).with(Sort.by("requestedAt")), ReworkRequest.class);
    }
}
