package dev.forecourt.parts.countersales;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ExecutableFindOperation;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import dev.forecourt.platform.errors.NotFound;
import dev.forecourt.platform.paging.Page;
import dev.forecourt.platform.paging.PagedFind;
import dev.forecourt.platform.paging.Paging;

/** Counter sales, found by id or by number ({@code CS2026000001}). */
@Component
public class CounterSales {

    private final MongoTemplate mongo;

    CounterSales(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<CounterSale> byIdOrNumber(String reference) {
        return byIdOrNumber(reference, CounterSale.class);
    }

    /** What an issue against a sale records of it: its id and number. */
    public record SaleNumber(String id, String saleNumber) {
    }

    /**
     * A sale's id and number, found as {@link #byIdOrNumber} finds the sale but read without the rest of it: every
     * issue against a counter sale looks its sale up, and mapping the whole sale (lines, money, payments) was a
     * tenth of parts' request threads under a run of issues (JFR, docs/benchmarks.md).
     */
    public Optional<SaleNumber> numberOf(String reference) {
        return byIdOrNumber(reference, SaleNumber.class);
    }

    /** The sale, read as {@code view}: by id first, else by number. */
    private <T> Optional<T> byIdOrNumber(String reference, Class<T> view) {
        ExecutableFindOperation.FindWithQuery<T> sales = mongo.query(CounterSale.class).as(view);
        T byId = sales.matching(where("_id").is(reference)).oneValue();
        return byId != null ? Optional.of(byId) : Optional.ofNullable(sales.matching(where("saleNumber").is(reference)).oneValue());
    }

    public CounterSale require(String reference) {
        return byIdOrNumber(reference).orElseThrow(() -> new NotFound("Counter sale", reference));
    }

    public Page<CounterSale> list(CounterSaleStatus status, String customerId, Paging paging) {
        Query query = new Query();
        if (status != null) {
            query.addCriteria(where("status").is(status));
        }
        if (customerId != null) {
            query.addCriteria(where("customerId").is(customerId));
        }
        return PagedFind.find(mongo, query, Sort.by(Sort.Direction.DESC, "openedAt").and(Sort.by("_id")), paging, CounterSale.class);
    }
}
