package com.tobacco.retailcrm.customer.io;

/** One problem of an import, as the API reports it: spreadsheet row, field key, message in the caller's language. */
public record ImportError(int row, String field, String message) {
}
