package com.tobacco.retailcrm.shared.api;

import java.util.List;
import java.util.function.Function;

/** A page of a list, in the shape every list of the API uses: {@code {"items","total","page","size"}}. */
public record PageResponse<T>(List<T> items, long total, int page, int size) {

    public <R> PageResponse<R> map(Function<T, R> mapper) {
        return new PageResponse<>(items.stream().map(mapper).toList(), total, page, size);
    }
}
