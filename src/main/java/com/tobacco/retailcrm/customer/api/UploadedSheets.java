package com.tobacco.retailcrm.customer.api;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * 上传表格读取 — the archive's streaming reader of uploaded sheets for other modules' uploads (a bulk change file):
 * an .xlsx (first sheet) or a .csv (UTF-8 with or without BOM, or GB18030 as Excel saves it in China), told apart by
 * content, read one row at a time so a large file needs little memory.
 */
public interface UploadedSheets {

    /** One row as a spreadsheet program numbers it (the header is row 1) with its cells as text. */
    record Row(int number, List<String> cells) {

        public boolean isBlank() {
            return cells.stream().allMatch(c -> c == null || c.isBlank());
        }
    }

    /**
     * Hands every row of the file, blank ones included, to {@code rows} in order. An empty file, an old binary .xls,
     * a malformed or unreadable file → {@link com.tobacco.retailcrm.shared.api.InvalidInputException} on
     * {@code file} saying why in the user's language.
     */
    void read(Path file, Consumer<Row> rows);
}
