package com.tobacco.retailcrm.shared.api;

/** The rule that a change or workflow action says which version of the thing it acts on (docs/api.md, Conventions). */
public final class Versions {

    private Versions() {
    }

    /** The version the client sent (body or If-Match); missing is a 400 on the field {@code version}. */
    public static long required(Long version) {
        if (version == null) {
            throw new InvalidInputException("version", "{error.version.required}");
        }
        return version;
    }
}
