package com.tobacco.retailcrm.workflow.engine;

import com.tobacco.retailcrm.workflow.api.StepLimit;
import com.tobacco.retailcrm.calendar.api.WorkingCalendar;
import java.util.Date;
import org.flowable.common.engine.api.FlowableIllegalArgumentException;
import org.flowable.common.engine.impl.calendar.BusinessCalendar;

/**
 * Our working calendar as Flowable's business calendar {@value #NAME}: a user task's {@code flowable:dueDate="1
 * WORKING_DAY"} (or a timer) is counted in working time from the engine's now.
 */
class WorkingTimeBusinessCalendar implements BusinessCalendar {

    static final String NAME = "working";

    private final WorkingCalendar calendar;
    private final EngineClock clock;

    WorkingTimeBusinessCalendar(WorkingCalendar calendar, EngineClock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public Date resolveDuedate(String description) {
        try {
            StepLimit limit = StepLimit.parse(description);
            return Date.from(calendar.due(clock.now(), limit.amount(), limit.unit()));
        } catch (IllegalArgumentException e) {
            throw new FlowableIllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    public Date resolveDuedate(String description, int maxIterations) {
        return resolveDuedate(description);
    }

    @Override
    public Boolean validateDuedate(String description, int maxIterations, Date endDate, Date newTimer) {
        return endDate == null || !newTimer.after(endDate);
    }

    @Override
    public Date resolveEndDate(String endDate) {
        return null;
    }
}
