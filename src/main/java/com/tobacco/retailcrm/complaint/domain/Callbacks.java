package com.tobacco.retailcrm.complaint.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 三级回访 — which callback levels a complaint needs before it may close, per priority (configurable; by default a
 * call-centre callback for every complaint, plus the customer manager's visit when urgent, plus a supervisory
 * callback when major). Only callbacks of the current round count: an unsatisfied one reopens the complaint and its
 * next resolution needs fresh callbacks.
 */
public final class Callbacks {

    public static final Map<Priority, Set<CallbackLevel>> DEFAULTS = Map.of(
            Priority.NORMAL, EnumSet.of(CallbackLevel.CALL_CENTRE),
            Priority.URGENT, EnumSet.of(CallbackLevel.CALL_CENTRE, CallbackLevel.CUSTOMER_MANAGER),
            Priority.MAJOR, EnumSet.allOf(CallbackLevel.class));

    private final Map<Priority, Set<CallbackLevel>> required = new EnumMap<>(DEFAULTS);

    public Callbacks(Map<Priority, ? extends Collection<CallbackLevel>> configured) {
        configured.forEach((priority, levels) -> required.put(priority,
                levels.isEmpty() ? EnumSet.noneOf(CallbackLevel.class) : EnumSet.copyOf(levels)));
    }

    public Set<CallbackLevel> required(Priority priority) {
        return required.get(priority);
    }

    /** The required levels without a satisfied or basically satisfied callback among {@code accepted}, in order. */
    public List<CallbackLevel> missing(Priority priority, Collection<CallbackLevel> accepted) {
        List<CallbackLevel> missing = new ArrayList<>();
        for (CallbackLevel level : CallbackLevel.values()) {
            if (required.get(priority).contains(level) && !accepted.contains(level)) {
                missing.add(level);
            }
        }
        return missing;
    }
}
