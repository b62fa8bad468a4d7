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

    static {
        // Flowable reads BPMN through XMLInputFactory.newInstance(), which takes the first StAX implementation on the
        // class path. fastexcel-reader brings Aalto (it instantiates Aalto itself, so it needs no lookup), and Aalto
        // reports indentation as text, which the BPMN schema check refuses. Lookups get the JDK's own parser.
        if (System.getProperty("javax.xml.stream.XMLInputFactory") == null) {
            System.setProperty("javax.xml.stream.XMLInputFactory", "com.sun.xml.internal.stream.XMLInputFactoryImpl");
        }
    }

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
