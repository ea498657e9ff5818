package dev.forecourt.crm.web;

import java.util.List;

/** The list shape every Forecourt service answers. */
public record PageOf<T>(List<T> items, int page, int size, long total) {
}
