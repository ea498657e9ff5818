package dev.forecourt.devstack;

import java.util.concurrent.locks.ReentrantLock;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Lets one application at a time set up logging while the stack's applications start side by side.
 * Every Spring Boot application sets up the JVM's one Logback context (on starting, and again once its
 * environment is prepared); two doing it at once corrupted it — "Logback configuration error detected:
 * [wEx] is not a valid conversion word", and the stack did not start. The lock is taken before Spring
 * Boot's logging listener hears that an application is starting and released after it has heard that
 * the environment is prepared; the rest of a start (the context's refresh) runs in parallel.
 */
final class LoggingSetUpOneAtATime {

    private static final ReentrantLock LOGGING = new ReentrantLock();

    private LoggingSetUpOneAtATime() {
    }

    /** Both listeners, for {@code SpringApplicationBuilder.listeners}. */
    static ApplicationListener<?>[] listeners() {
        return new ApplicationListener<?>[] {new Before(), new After()};
    }

    /** Heard first: takes the lock as the application starts. */
    private static final class Before implements ApplicationListener<ApplicationStartingEvent>, Ordered {

        @Override
        public void onApplicationEvent(ApplicationStartingEvent event) {
            LOGGING.lock();
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    /** Heard last: releases it once logging is set up, or when the start failed before that. */
    private static final class After implements ApplicationListener<SpringApplicationEvent>, Ordered {

        @Override
        public void onApplicationEvent(SpringApplicationEvent event) {
            boolean setUp = event instanceof ApplicationEnvironmentPreparedEvent || event instanceof ApplicationFailedEvent;
            if (setUp && LOGGING.isHeldByCurrentThread()) {
                LOGGING.unlock();
            }
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
