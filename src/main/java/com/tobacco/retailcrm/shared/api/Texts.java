package com.tobacco.retailcrm.shared.api;

/** Text as people send it. */
public final class Texts {

    private Texts() {
    }

    /** The text without surrounding whitespace, or null when nothing is left: an empty form field means "not given". */
    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
