package dev.forecourt.platform.paging;

import java.util.List;
import java.util.function.LongSupplier;

import org.springframework.data.domain.Sort;
import org.springframework.data.mapping.context.MappingContext;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Query;

/**
 * One page of a list kept in the store, with the list's total: the page is found first, and the store
 * is asked to count only when the page cannot tell. A page that holds fewer items than asked for is the
 * last one, so its offset plus its items is the total; most lists a store's staff open fit in one page
 * (a day's callbacks, a customer's orders), and each count is a second round trip that reads every
 * matching document again. Counting separately was never atomic with the find either way.
 */
public final class PagedFind {

    private static final String ID_FIELD = "_id";

    private PagedFind() {
    }

    /**
     * @param filter what belongs to the list; not changed (the page's sort, skip and limit go on a copy)
     * @param sort   the list's order; stable (ending with a unique field such as {@code _id}), so pages neither
     *               repeat nor skip items
     */
    public static <T> Page<T> find(MongoOperations mongo, Query filter, Sort sort, Paging paging, Class<T> type) {
        Sort byProperties = idAsProperty(sort, mongo.getConverter().getMappingContext(), type);
        List<T> items = mongo.find(Query.of(filter).with(paging.sortedBy(byProperties)), type);
        return Page.of(items, paging, total(paging, items.size(), () -> mongo.count(filter, type)));
    }

    /**
     * The sort with {@code _id} named by the entity's id property ({@code id}, {@code code}, {@code vin}...), which
     * maps to the same field. Spring Data reads a sort's names as property paths first: {@code _id} is none, and
     * finding that out built a {@code PropertyReferenceException} with its suggestions on every query, uncached —
     * 2 % of a list's CPU in crm (JFR, docs/benchmarks.md).
     */
    static Sort idAsProperty(Sort sort, MappingContext<? extends MongoPersistentEntity<?>, MongoPersistentProperty> context,
                             Class<?> type) {
        MongoPersistentEntity<?> entity = context.getPersistentEntity(type);
        MongoPersistentProperty id = entity == null ? null : entity.getIdProperty();
        if (id == null || sort.getOrderFor(ID_FIELD) == null) {
            return sort;
        }
        return Sort.by(sort.stream().map(order -> ID_FIELD.equals(order.getProperty()) ? order.withProperty(id.getName()) : order)
                .toList());
    }

    /** The list's total given what the page found: counted only for a full page or one past the end. */
    static long total(Paging paging, int found, LongSupplier count) {
        boolean lastPage = found < paging.size() && (found > 0 || paging.offset() == 0);
        return lastPage ? paging.offset() + found : count.getAsLong();
    }
}
