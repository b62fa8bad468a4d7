package com.tobacco.retailcrm.customer.io;

/** The uploaded file cannot be read as a sheet at all (not a row's problem: the whole file is refused). */
class MalformedSheetException extends RuntimeException {

    MalformedSheetException(String messageKey, Throwable cause) {
        super(messageKey, cause);
    }
}
