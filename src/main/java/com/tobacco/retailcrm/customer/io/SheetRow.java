package com.tobacco.retailcrm.customer.io;

import java.util.List;

/**
 * One row of an uploaded sheet as text, numbered as a spreadsheet program shows it (the header is row 1), so that
 * an error report points at the row a person sees.
 */
record SheetRow(int number, List<String> cells) {

    String cell(int column) {
        return column < cells.size() ? cells.get(column) : "";
    }

    boolean isBlank() {
        return cells.stream().allMatch(c -> c == null || c.isBlank());
    }
}
