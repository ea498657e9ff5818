package dev.forecourt.platform.paging;

import java.util.List;
import java.util.function.Function;

/**
 * The one answer of every list: {@code {"items": [...], "page": 0, "size": 20, "total": 57}}.
 *
 * @param items the views on this page, in the list's stable order
 * @param page  the page number, from 0
 * @param size  the page size asked for
 * @param total how many items the whole list has
 */
public record Page<T>(List<T> items, int page, int size, long total) {

    public Page {
        items = List.copyOf(items);
    }

    /** A page of a Spring Data query, each item turned into its view. */
    public static <E, T> Page<T> of(org.springframework.data.domain.Page<E> found, Function<? super E, ? extends T> view) {
        return new Page<>(found.getContent().stream().<T>map(view).toList(), found.getNumber(), found.getSize(), found.getTotalElements());
    }

    /** A page cut from a list already complete in memory (a report's rows, a small catalogue). */
    public static <T> Page<T> of(List<T> all, Paging paging) {
        int from = (int) Math.min(all.size(), paging.offset());
        int to = Math.min(all.size(), from + paging.size());
        return new Page<>(all.subList(from, to), paging.page(), paging.size(), all.size());
    }

    /** A page whose items and total were found by the caller (e.g. a query with skip and limit plus a count). */
    public static <T> Page<T> of(List<T> items, Paging paging, long total) {
        return new Page<>(items, paging.page(), paging.size(), total);
    }

    public <V> Page<V> map(Function<? super T, ? extends V> view) {
        return new Page<>(items.stream().<V>map(view).toList(), page, size, total);
    }
}
