package dev.forecourt.crm.message;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import dev.forecourt.platform.errors.NotFound;
import dev.forecourt.platform.paging.Page;
import dev.forecourt.platform.paging.PagedFind;
import dev.forecourt.platform.paging.Paging;

/** The texts sent (or waiting, or not sent) to customers. */
@Service
public class CustomerMessages {

    private final MongoTemplate mongo;

    CustomerMessages(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public CustomerMessage require(String id) {
        CustomerMessage message = mongo.findById(id, CustomerMessage.class);
        if (message == null) {
            throw new NotFound("Customer message", id);
        }
        return message;
    }

    public record Filter(String customerId, String phone, MessageStatus status, MessageKind kind) {
    }

    public Page<CustomerMessage> list(Filter filter, Paging paging) {
        List<Criteria> criteria = new ArrayList<>();
        if (filter.customerId() != null) {
            criteria.add(Criteria.where("customerId").is(filter.customerId()));
        }
        if (filter.phone() != null) {
            criteria.add(Criteria.where("customerPhone").is(dev.forecourt.crm.customer.Customers.phoneDigits(filter.phone())));
        }
        if (filter.status() != null) {
            criteria.add(Criteria.where("status").is(filter.status()));
        }
        if (filter.kind() != null) {
            criteria.add(Criteria.where("kind").is(filter.kind()));
        }
        Query query = criteria.isEmpty() ? new Query() : new Query(new Criteria().andOperator(criteria));
        return PagedFind.find(mongo, query, Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("_id")), paging, CustomerMessage.class);
    }

    List<CustomerMessage> waiting(Instant now) {
        return mongo.find(Query.query(Criteria.where("status").is(MessageStatus.PENDING).and("notBefore").lte(now))
                .with(Sort.by("notBefore")).limit(500), CustomerMessage.class);
    }
}
