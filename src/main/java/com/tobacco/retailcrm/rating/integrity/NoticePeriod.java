package com.tobacco.retailcrm.rating.integrity;

import com.tobacco.retailcrm.calendar.api.WorkingCalendar;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * 公示期 — the public notice of a rating. It starts at {@code start} and ends at {@code endsAt}: midnight (in the
 * calendar's zone) at the end of the {@value #WORKING_DAYS}th working day after the start's day. The start's own day
 * never counts (it is partly gone), so the notice holds at least 7 full working days whatever the hour of the start;
 * holidays are skipped and make-up working days (调休) count, as the working calendar says.
 *
 * <p>E.g. with 国庆 2026 (1–7 October off, Saturday 10 October a working day) a notice starting on Wednesday 30
 * September at 10:00 counts 8, 9, 10, 12, 13, 14, 15 October and ends at 2026-10-16T00:00+08:00.
 */
record NoticePeriod(Instant start, Instant endsAt) {

    static final int WORKING_DAYS = 7;
    /** How far back a notice may be dated: one put up on paper before it is entered here. */
    static final Duration LATEST_BACKDATING = Duration.ofDays(30);

    /**
     * The notice starting at {@code start}, which must not lie in the future (no notice is announced ahead) nor more
     * than 30 days before {@code now}; a 400 on {@code noticeStart} otherwise.
     */
    static NoticePeriod starting(Instant start, Instant now, WorkingCalendar calendar) {
        if (start.isAfter(now)) {
            throw new InvalidInputException("noticeStart", "{rating.error.noticeStart.future}");
        }
        if (start.isBefore(now.minus(LATEST_BACKDATING))) {
            throw new InvalidInputException("noticeStart", "{rating.error.noticeStart.tooOld}");
        }
        LocalDate startDay = LocalDate.ofInstant(start, calendar.zone());
        LocalDate lastDay = calendar.addWorkingDays(startDay, WORKING_DAYS);
        return new NoticePeriod(start, lastDay.plusDays(1).atStartOfDay(calendar.zone()).toInstant());
    }

    boolean runningAt(Instant at) {
        return at.isBefore(endsAt);
    }
}
