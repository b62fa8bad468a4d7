package com.tobacco.retailcrm.shared.api;

import java.util.List;
import java.util.Set;

/**
 * Paging and sorting as the API takes them ({@code ?page=0&size=20&sort=field,asc}), checked against the
 * fields a list allows sorting by so that a sort parameter can never reach SQL unchecked.
 */
public record PageQuery(int page, int size, String sortField, boolean ascending) {

    public static final int MAX_SIZE = 500;

    /** @param defaultSort {@code field} or {@code field,asc|desc}, used when the client sends no sort */
    public static PageQuery of(Integer page, Integer size, String sort, Set<String> sortable, String defaultSort) {
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        var problems = new java.util.ArrayList<FieldProblem>();
        if (p < 0) {
            problems.add(new FieldProblem("page", "{error.page.negative}"));
        }
        if (s < 1 || s > MAX_SIZE) {
            problems.add(new FieldProblem("size", "{error.size.range}"));
        }
        String effective = sort != null && !sort.isBlank() ? sort : defaultSort;
        String field = null;
        boolean asc = true;
        if (effective != null && !effective.isBlank()) {
            List<String> parts = List.of(effective.split(","));
            field = parts.get(0).trim();
            if (!sortable.contains(field)) {
                problems.add(new FieldProblem("sort", "{error.sort.field}"));
            }
            if (parts.size() > 1) {
                String dir = parts.get(1).trim().toLowerCase();
                if (!dir.equals("asc") && !dir.equals("desc")) {
                    problems.add(new FieldProblem("sort", "{error.sort.direction}"));
                }
                asc = dir.equals("asc");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new PageQuery(p, s, field, asc);
    }

    public long offset() {
        return (long) page * size;
    }
}
