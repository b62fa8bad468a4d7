package com.tobacco.retailcrm.shared.infrastructure;

import com.tobacco.retailcrm.shared.api.WorkingDays;
import java.time.DayOfWeek;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * The plain Monday–Friday calendar, used until the working calendar with public holidays and 调休 days exists.
 * The calendar module supersedes it with a {@code @Primary} bean.
 */
@Component
class WeekdayWorkingDays implements WorkingDays {

    @Override
    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }
}
