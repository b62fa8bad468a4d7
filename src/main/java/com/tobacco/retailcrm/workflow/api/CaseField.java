package com.tobacco.retailcrm.workflow.api;

import java.util.List;

/**
 * A field a step's form asks for on the generic case page, in the words of the case type that owns it (labels in the
 * reader's language): the engine renders it without knowing what the field means.
 *
 * @param kind     how it is entered
 * @param options  the choices of a {@link Kind#CHOICE}
 * @param required whether the step needs it (marked with *)
 */
public record CaseField(String key, String label, Kind kind, List<Option> options, boolean required) {

    public CaseField {
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** How a field is entered on the page. */
    public enum Kind {
        TEXT, DATE, CHOICE, YES_NO
    }

    /** One choice of a {@link Kind#CHOICE} field: its code and its label in the reader's language. */
    public record Option(String code, String label) {
    }
}
