package com.tobacco.retailcrm.workflow.engine;

import com.tobacco.retailcrm.calendar.api.WorkingCalendar;
import org.flowable.common.engine.impl.calendar.MapBusinessCalendarManager;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Fits Flowable into the application. The engine creates its own ACT_* tables as soon as it starts; on an empty
 * database Flyway would then find a non-empty schema and refuse to migrate. Taking the
 * {@link FlywayMigrationInitializer} as a parameter makes Spring run every migration before the engine is built.
 */
@Configuration(proxyBeanMethods = false)
class EngineSetup {

    @Bean
    EngineConfigurationConfigurer<SpringProcessEngineConfiguration> crmEngineConfiguration(
            FlywayMigrationInitializer migrationsFirst, WorkingCalendar calendar, EngineClock clock) {
        return configuration -> {
            configuration.setClock(clock);
            var calendars = new MapBusinessCalendarManager();
            calendars.addBusinessCalendar(WorkingTimeBusinessCalendar.NAME, new WorkingTimeBusinessCalendar(calendar, clock));
            configuration.setBusinessCalendarManager(calendars);
            configuration.setCreateDiagramOnDeploy(false);
        };
    }
}
