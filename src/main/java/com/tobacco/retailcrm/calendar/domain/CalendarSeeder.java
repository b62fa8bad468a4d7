package com.tobacco.retailcrm.calendar.domain;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Seeds the statutory holidays on start (crm.calendar.seed, on by default) and loads the calendar. */
@Component
class CalendarSeeder implements ApplicationRunner {

    private final CalendarService calendar;
    private final CalendarProperties properties;

    CalendarSeeder(CalendarService calendar, CalendarProperties properties) {
        this.calendar = calendar;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.seed()) {
            calendar.seedStatutoryYears();
        } else {
            calendar.reload();
        }
    }
}
