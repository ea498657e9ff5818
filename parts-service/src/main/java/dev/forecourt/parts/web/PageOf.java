package dev.forecourt.parts.web;

import java.util.List;

/** The list shape every Forecourt service answers: one page of items and the total count. */
public record PageOf<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 200;
}
