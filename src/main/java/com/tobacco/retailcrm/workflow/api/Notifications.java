package com.tobacco.retailcrm.workflow.api;

/** 通知 — messages to users, shown in the top bar. */
public interface Notifications {

    /**
     * Tells a user something once: a second call with the same user, kind and reference does nothing.
     *
     * @param messageKey a key of a message bundle, rendered in the reader's language with {@code args}
     * @param link       the page to open, or null
     */
    void tell(String username, String kind, String reference, String messageKey, java.util.List<String> args, String link);
}
