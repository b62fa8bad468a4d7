package com.tobacco.retailcrm.customer.api;

import java.util.regex.Pattern;

/**
 * Where a change to the archive comes from, as written in the history's {@code source}: {@code DIRECT},
 * {@code CHANGE_REQUEST:<id>}, {@code IMPORT:<id>}, {@code CLASSIFICATION:<id>}, {@code RATING:<id>} … Only
 * computing sources (classification, rating, purchases, violations) may write SYSTEM fields; only {@code DIRECT}
 * is checked against the caller's direct-edit permission (the others were authorised by their own procedure).
 */
public record ChangeSource(Kind kind, String reference) {

    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9_.-]{1,60}");

    public enum Kind {
        DIRECT(false, true), CHANGE_REQUEST(false, false), IMPORT(false, false), ONBOARDING(false, false),
        UPKEEP(false, true),
        CLASSIFICATION(true, false), RATING(true, false), PURCHASES(true, false), VIOLATIONS(true, false);

        private final boolean computing;
        private final boolean editPermission;

        Kind(boolean computing, boolean editPermission) {
            this.computing = computing;
            this.editPermission = editPermission;
        }

        /** Whether a change from this source is held to the caller's direct-edit permission, as an edit is. */
        public boolean editPermission() {
            return editPermission;
        }

        /** Whether this source computes SYSTEM fields (and so may write them). */
        public boolean computing() {
            return computing;
        }
    }

    public ChangeSource {
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
        if (kind == Kind.DIRECT ? reference != null : reference == null || !REFERENCE.matcher(reference).matches()) {
            throw new IllegalArgumentException("bad reference for " + kind + ": " + reference);
        }
    }

    public static ChangeSource direct() {
        return new ChangeSource(Kind.DIRECT, null);
    }

    public static ChangeSource changeRequest(Object id) {
        return new ChangeSource(Kind.CHANGE_REQUEST, String.valueOf(id));
    }

    public static ChangeSource importBatch(Object id) {
        return new ChangeSource(Kind.IMPORT, String.valueOf(id));
    }

    public static ChangeSource classification(Object id) {
        return new ChangeSource(Kind.CLASSIFICATION, String.valueOf(id));
    }

    public static ChangeSource of(Kind kind, Object id) {
        return new ChangeSource(kind, id == null ? null : String.valueOf(id));
    }

    /** The text stored in history: {@code DIRECT} or {@code KIND:reference}. */
    @Override
    public String toString() {
        return reference == null ? kind.name() : kind.name() + ":" + reference;
    }
}
