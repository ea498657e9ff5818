package dev.forecourt.platform.paging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

import io.swagger.v3.oas.annotations.Parameter;

/**
 * The paging parameters of every list, validated the same way everywhere: {@code page} from 0
 * (default 0), {@code size} 1–{@value #MAX_SIZE} (default {@value #DEFAULT_SIZE}). A controller
 * takes {@code @Valid @ParameterObject Paging paging}; a value out of range answers 400.
 */
public record Paging(
        @Parameter(description = "Page number, from 0") @Min(0) @Max(1_000_000) Integer page,
        @Parameter(description = "Page size, 1–200") @Min(1) @Max(MAX_SIZE) Integer size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    public Paging {
        page = page == null ? 0 : page;
        size = size == null ? DEFAULT_SIZE : size;
    }

    public static Paging first(int size) {
        return new Paging(0, size);
    }

    public long offset() {
        return (long) page * size;
    }

    /** For a Spring Data query; the sort must be stable (end with a unique field such as the id). */
    public Pageable sortedBy(Sort sort) {
        return PageRequest.of(page, size, sort);
    }
}
