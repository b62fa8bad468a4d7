package com.tobacco.retailcrm.workflow.api;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * The engine's "now", which follows the application clock: case types that date their own records with it agree with
 * the engine's task times, and demo data may start cases "as of" an earlier instant.
 */
public interface WorkflowClock {

    Instant now();

    /** Runs the work with "now" fixed at {@code instant} on this thread (back-dated demo cases). */
    <T> T asOf(Instant instant, Supplier<T> work);
}
