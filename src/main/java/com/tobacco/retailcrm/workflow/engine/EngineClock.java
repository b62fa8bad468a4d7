package com.tobacco.retailcrm.workflow.engine;

import com.tobacco.retailcrm.workflow.api.WorkflowClock;
import java.time.Clock;
import java.time.Instant;
import java.util.Calendar;
import java.util.Date;
import java.util.TimeZone;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The engine's clock is the application's {@link Clock} (which tests move), so task creation times and due dates agree
 * with everything else. Demo data may run a piece of work "as of" an earlier instant on the current thread.
 */
@Component
public class EngineClock implements org.flowable.common.engine.impl.runtime.Clock, WorkflowClock {

    private static final ThreadLocal<Instant> AS_OF = new ThreadLocal<>();

    private final Clock clock;

    EngineClock(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Instant now() {
        Instant asOf = AS_OF.get();
        return asOf != null ? asOf : clock.instant();
    }

    /** Runs the work with "now" fixed at {@code instant} on this thread (back-dated demo cases). */
    @Override
    public <T> T asOf(Instant instant, Supplier<T> work) {
        Instant previous = AS_OF.get();
        AS_OF.set(instant);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                AS_OF.remove();
            } else {
                AS_OF.set(previous);
            }
        }
    }

    /**
     * The engine's own times (a task's creation) are whole seconds, as the working calendar counts: a task's limit then
     * runs from exactly the time the task shows (half an hour is 30:00, not 29:59.8).
     */
    @Override
    public Date getCurrentTime() {
        return Date.from(now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    @Override
    public Calendar getCurrentCalendar() {
        return getCurrentCalendar(getCurrentTimeZone());
    }

    @Override
    public Calendar getCurrentCalendar(TimeZone timeZone) {
        Calendar c = Calendar.getInstance(timeZone);
        c.setTime(getCurrentTime());
        return c;
    }

    @Override
    public TimeZone getCurrentTimeZone() {
        return TimeZone.getTimeZone(clock.getZone());
    }

    /** The application's time is not set through the engine. */
    @Override
    public void setCurrentTime(Date currentTime) {
        throw new UnsupportedOperationException("the engine follows the application clock");
    }

    @Override
    public void setCurrentCalendar(Calendar currentTime) {
        throw new UnsupportedOperationException("the engine follows the application clock");
    }

    @Override
    public void reset() {
        // nothing to reset: there is no engine-owned time
    }
}
