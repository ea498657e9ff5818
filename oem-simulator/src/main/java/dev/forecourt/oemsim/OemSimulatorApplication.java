package dev.forecourt.oemsim;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Stands in for the carmaker's warranty system in the embedded stack: accepts claim submissions
 * and answers, after a short delay, with signed status webhooks. Everything lives in this
 * context's beans (no static state), since it shares one JVM with the services.
 */
@SpringBootApplication
@EnableConfigurationProperties(SimulatorProperties.class)
public class OemSimulatorApplication {

    public static void main(String[] args) {
        SpringApplication.run(OemSimulatorApplication.class, args);
    }

    @Bean
    Clock oemClock() {
        return Clock.systemUTC();
    }

    /** Plays the OEM's answers later; its threads end with the context. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService oemTimeline() {
        return Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "oem-simulator-timeline");
            thread.setDaemon(true);
            return thread;
        });
    }
}
