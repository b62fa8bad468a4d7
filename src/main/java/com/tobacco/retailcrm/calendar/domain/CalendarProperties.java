package com.tobacco.retailcrm.calendar.domain;

import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the working calendar ({@code crm.calendar.*}).
 *
 * @param zone              the zone working time is counted in (Asia/Shanghai)
 * @param periods           the working periods of a working day, {@code HH:mm-HH:mm}, in order
 * @param workingDayMinutes how many working minutes one working day stands for; unset means the length of the
 *                          periods (420 for 09:00–12:00 and 13:00–17:00), so a working day ends at the same time of
 *                          the next working day
 * @param seed              fill the years the statutory-holiday library knows on start (never an edited year)
 */
@ConfigurationProperties(prefix = "crm.calendar")
public record CalendarProperties(ZoneId zone, List<String> periods, Integer workingDayMinutes, Boolean seed) {

    public CalendarProperties {
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
        periods = periods == null || periods.isEmpty() ? List.of("09:00-12:00", "13:00-17:00") : List.copyOf(periods);
        seed = seed == null || seed;
    }

    public List<WorkingPeriod> workingPeriods() {
        return WorkingPeriod.ordered(periods.stream().map(WorkingPeriod::parse).toList());
    }
}
