package dev.forecourt.crm.config;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.forecourt.crm.message.MessageProperties;
import dev.forecourt.crm.scheduling.CallPlanner;
import dev.forecourt.crm.scheduling.MaintenanceReminderPolicy;
import dev.forecourt.platform.store.ForecourtProperties;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CrmProperties.class, MessageProperties.class})
class CrmConfiguration {

    @Bean
    CallPlanner callPlanner(ForecourtProperties store, CrmProperties crm) {
        return CallPlanner.of(store.timeZone(), crm);
    }

    @Bean
    MaintenanceReminderPolicy maintenanceReminderPolicy(CrmProperties crm) {
        return new MaintenanceReminderPolicy(crm.maintenance());
    }

    /** Time-dependent beans read "now" through the platform's Clock, so tests can fix it. */
    @Bean
    StoreCalendar storeCalendar(Clock clock, ForecourtProperties store) {
        return new StoreCalendar(clock, store.timeZone());
    }
}
