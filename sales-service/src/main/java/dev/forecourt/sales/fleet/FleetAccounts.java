package dev.forecourt.sales.fleet;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.paging.Page;
import dev.forecourt.platform.paging.PagedFind;
import dev.forecourt.platform.paging.Paging;

/** The fleet customers (大客户) the fleet sales supervisor and the sales manager look after. */
@Service
public class FleetAccounts {

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final Clock clock;

    public FleetAccounts(MongoTemplate mongo, AggregateStore store, Clock clock) {
        this.mongo = mongo;
        this.store = store;
        this.clock = clock;
    }

    public FleetAccount open(FleetAccount.Details details, Actor by) {
        return store.insert(FleetAccount.open("fa-" + UUID.randomUUID(), details, clock.instant(), by));
    }

    public FleetAccount change(String id, ExpectedVersion expected, FleetAccount.Details details, Actor by) {
        return store.change(FleetAccount.class, id, expected, account -> account.change(details, clock.instant(), by));
    }

    public FleetAccount close(String id, ExpectedVersion expected, Actor by) {
        return store.change(FleetAccount.class, id, expected, account -> account.close(clock.instant(), by));
    }

    public FleetAccount get(String id) {
        return store.find(FleetAccount.class, id);
    }

    /** The account an order is linked to; 404 when unknown, 422 {@code fleet-account-closed} when closed. */
    public FleetAccount takingOrders(String id) {
        FleetAccount account = get(id);
        account.requireTakesOrders();
        return account;
    }

    public Page<FleetAccount> list(FleetAccount.Grade grade, boolean includeClosed, Paging paging) {
        List<Criteria> parts = new ArrayList<>();
        if (grade != null) {
            parts.add(Criteria.where("details.grade").is(grade));
        }
        if (!includeClosed) {
            parts.add(Criteria.where("status").is(FleetAccount.Status.ACTIVE));
        }
        Query query = Query.query(parts.isEmpty() ? new Criteria() : new Criteria().andOperator(parts));
        return PagedFind.find(mongo, query, Sort.by("details.grade", "details.name", "_id"), paging, FleetAccount.class);
    }
}
