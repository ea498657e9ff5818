package dev.forecourt.crm.customer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import dev.forecourt.crm.web.PageOf;
import dev.forecourt.platform.errors.ProblemException;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.store.ForecourtProperties;

/** Finds customers and keeps their profiles current. */
@Service
public class CustomerDirectory {

    private static final int ATTEMPTS = 5;

    private final MongoTemplate mongo;
    private final ForecourtProperties store;
    private final Clock clock;
    private final AggregateStore aggregates;

    public CustomerDirectory(MongoTemplate mongo, ForecourtProperties store, Clock clock, AggregateStore aggregates) {
        this.mongo = mongo;
        this.aggregates = aggregates;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Applies a change to the customer with this phone, learning the customer if unknown. Sales and
     * workshop events about one customer are consumed in parallel, so a concurrent write is expected:
     * the change is re-applied to a fresh copy (the change itself is idempotent).
     *
     * @param change returns false when there is nothing to write (already applied)
     */
    public Customer apply(String phone, String name, Predicate<Customer> change) {
        for (int attempt = 1; ; attempt++) {
            Customer customer = mongo.findById(Customer.idFor(phone), Customer.class);
            if (customer == null) {
                customer = Customer.learned(store.storeId(), name, phone, clock.instant());
            }
            if (!change.test(customer)) {
                return customer;
            }
            try {
                return aggregates.save(customer);
            } catch (OptimisticLockingFailureException | DuplicateKeyException concurrentWrite) {
                if (attempt == ATTEMPTS) {
                    throw concurrentWrite;
                }
            }
        }
    }

    public Optional<Customer> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Customer.class));
    }

    public Optional<Customer> findByPhone(String phone) {
        return find(Customer.idFor(phone));
    }

    public Customer require(String id) {
        return find(id).orElseThrow(() -> ProblemException.notFound("Customer", id));
    }

    public Customer save(Customer customer) {
        return aggregates.save(customer);
    }

    public PageOf<Customer> list(String phone, String name, CustomerStatus status, int page, int size) {
        List<Criteria> criteria = new ArrayList<>();
        if (phone != null && !phone.isBlank()) {
            criteria.add(Criteria.where("phone").regex(Pattern.quote(phone.replaceAll("\\D", ""))));
        }
        if (name != null && !name.isBlank()) {
            criteria.add(Criteria.where("name").regex(Pattern.quote(name.trim()), "i"));
        }
        if (status != null) {
            criteria.add(Criteria.where("status").is(status));
        }
        Query query = criteria.isEmpty() ? new Query() : new Query(new Criteria().andOperator(criteria));
        long total = mongo.count(query, Customer.class);
        query.with(Sort.by("_id")).skip((long) page * size).limit(size);
        return new PageOf<>(mongo.find(query, Customer.class), page, size, total);
    }
}
