package dev.forecourt.hr.web;

import java.util.List;

/** One page of a list, in the shape every Forecourt list answers. */
public record Page<T>(List<T> items, int page, int size, long total) {

    /** Pages a list that is small by nature (the position catalogue, the roles) in memory. */
    public static <T> Page<T> of(List<T> all, int page, int size) {
        int from = (int) Math.min((long) page * size, all.size());
        int to = Math.min(from + size, all.size());
        return new Page<>(all.subList(from, to), page, size, all.size());
    }
}
