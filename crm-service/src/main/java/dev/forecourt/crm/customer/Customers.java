package dev.forecourt.crm.customer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import dev.forecourt.platform.errors.NotFound;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.paging.Page;
import dev.forecourt.platform.paging.PagedFind;
import dev.forecourt.platform.paging.Paging;
import dev.forecourt.platform.store.ForecourtProperties;

/** The store's customers: finds them and keeps their profiles current. */
@Service
public class Customers {

    /** A phone filter: digits of a mobile, all or part of it, with spaces, hyphens and a leading + allowed. */
    public static final String PHONE_FILTER = "\\+?\\d[\\d -]*";

    private final MongoTemplate mongo;
    private final ForecourtProperties store;
    private final Clock clock;
    private final AggregateStore aggregates;

    public Customers(MongoTemplate mongo, ForecourtProperties store, Clock clock, AggregateStore aggregates) {
        this.mongo = mongo;
        this.aggregates = aggregates;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Applies a change to the customer with this phone, learning the customer if unknown. Sales and
     * workshop events about one customer are consumed in parallel, so a concurrent write is expected:
     * the platform re-applies the change to a fresh copy (the change itself is idempotent).
     *
     * @param source what taught us the customer, if it is new ({@code SALE}, {@code REPAIR}, …)
     * @param change returns false when there is nothing to write (already applied)
     */
    public Customer apply(String phone, String name, String source, Predicate<Customer> change) {
        String id = Customer.idFor(phone);
        Customer existing = mongo.findById(id, Customer.class);
        if (existing == null) {
            Customer learned = Customer.learned(store.storeId(), name, phone, source, clock.instant());
            change.test(learned);
            try {
                return aggregates.insert(learned);
            } catch (DuplicateKeyException learnedConcurrently) {
                // another event about the same new customer won: apply the change to its profile
            }
        } else if (!change.test(existing)) {
            return existing;
        }
        return aggregates.change(Customer.class, id, ExpectedVersion.ANY, change::test);
    }

    /**
     * The digits a phone filter looks for; a filter without any is refused before it gets here (it
     * would match every customer). A full mobile with the country code 86 is looked for without it.
     */
    public static String phoneDigits(String filter) {
        String digits = filter.replaceAll("\\D", "");
        if (digits.isEmpty()) {
            throw new dev.forecourt.platform.errors.InvalidValue("A phone filter needs digits",
                    new dev.forecourt.platform.errors.FieldProblem("phone", "expected digits of a phone number"));
        }
        return digits.length() == 13 && digits.startsWith("86") ? digits.substring(2) : digits;
    }

    public Optional<Customer> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Customer.class));
    }

    public Optional<Customer> findByPhone(String phone) {
        return find(Customer.idFor(phone));
    }

    public Customer require(String id) {
        return find(id).orElseThrow(() -> new NotFound("Customer", id));
    }

    public Page<Customer> list(String phone, String name, CustomerStatus status, Paging paging) {
        List<Criteria> criteria = new ArrayList<>();
        if (phone != null && !phone.isBlank()) {
            criteria.add(Criteria.where("phone").regex(Pattern.quote(phoneDigits(phone))));
        }
        if (name != null && !name.isBlank()) {
            criteria.add(Criteria.where("name").regex(Pattern.quote(name.trim()), "i"));
        }
        if (status != null) {
            criteria.add(Criteria.where("status").is(status));
        }
        Query query = criteria.isEmpty() ? new Query() : new Query(new Criteria().andOperator(criteria));
        return PagedFind.find(mongo, query, Sort.by("_id"), paging, Customer.class);
    }
}
