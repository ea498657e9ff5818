package dev.forecourt.parts.purchasing;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import dev.forecourt.platform.errors.NotFound;
import dev.forecourt.platform.paging.Page;
import dev.forecourt.platform.paging.PagedFind;
import dev.forecourt.platform.paging.Paging;

/** Purchase orders, found by id or number ({@code PO2026000001}). */
@Component
public class PurchaseOrders {

    private final MongoTemplate mongo;

    PurchaseOrders(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<PurchaseOrder> byIdOrNumber(String reference) {
        PurchaseOrder byId = mongo.findById(reference, PurchaseOrder.class);
        return byId != null ? Optional.of(byId)
                : Optional.ofNullable(mongo.findOne(query(where("orderNumber").is(reference)), PurchaseOrder.class));
    }

    public PurchaseOrder require(String reference) {
        return byIdOrNumber(reference).orElseThrow(() -> new NotFound("Purchase order", reference));
    }

    public Page<PurchaseOrder> list(PurchaseOrderStatus status, String supplierId, Paging paging) {
        Query query = new Query();
        if (status != null) {
            query.addCriteria(where("status").is(status));
        }
        if (supplierId != null) {
            query.addCriteria(where("supplierId").is(supplierId));
        }
        return PagedFind.find(mongo, query, Sort.by(Sort.Direction.DESC, "draftedAt").and(Sort.by("_id")), paging, PurchaseOrder.class);
    }

    /** Orders goods are still expected on (sent or confirmed). */
    public List<PurchaseOrder> receiving() {
        return mongo.find(query(where("status").in(PurchaseOrderStatus.SENT, PurchaseOrderStatus.CONFIRMED)).with(Sort.by("draftedAt", "_id")),
                PurchaseOrder.class);
    }

    public List<PurchaseOrder> ofSupplier(String supplierId) {
        return mongo.find(query(where("supplierId").is(supplierId)), PurchaseOrder.class);
    }

    public List<PurchaseOrder> notDraft() {
        return mongo.find(query(where("status").nin(PurchaseOrderStatus.DRAFT, PurchaseOrderStatus.AWAITING_APPROVAL,
                PurchaseOrderStatus.CANCELLED)), PurchaseOrder.class);
    }
}
