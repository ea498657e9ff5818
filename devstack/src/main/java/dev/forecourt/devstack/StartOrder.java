package dev.forecourt.devstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the stack's applications side by side, each as soon as the ones it needs at start-up are
 * up. Starting a Spring context is mostly one thread's work (reading classes, creating beans), so
 * one after another left a core idle: on two cores the contexts that do not need each other start
 * together ({@link LoggingSetUpOneAtATime} keeps them from setting up the JVM's logging at once).
 */
final class StartOrder {

    private final Function<StackComponent, ConfigurableApplicationContext> starter;
    private final Function<String, Set<String>> needs;
    private final int parallelism;
    private final long launchedAtMillis;

    /**
     * @param needs which modules must be up before a module starts (its start-up calls them, or its
     *              demo data does)
     */
    StartOrder(Function<StackComponent, ConfigurableApplicationContext> starter, Function<String, Set<String>> needs,
               int parallelism, long launchedAtMillis) {
        this.starter = starter;
        this.needs = needs;
        this.parallelism = parallelism;
        this.launchedAtMillis = launchedAtMillis;
    }

    /** One started application and when it was ready, counted from the launch ({@code launchedAtMillis}, epoch milliseconds). */
    record Started(StackComponent component, ConfigurableApplicationContext context, Duration readyAfter, Duration took) {
    }

    /**
     * Starts every component; {@code onStarted} hears of each as it comes up (so that a failure
     * elsewhere still stops it). A free thread takes the first component in the list whose needs are
     * up, so the list's order is the priority: a component others wait for is not queued behind
     * those nobody waits for. Returns them in the list's order, or throws the first failure once the
     * started ones are up.
     */
    List<Started> start(List<StackComponent> components, Consumer<Started> onStarted) {
        Queue queue = new Queue(components);
        List<Thread> threads = new ArrayList<>();
        for (int i = 1; i <= parallelism; i++) {
            Thread thread = new Thread(() -> {
                for (StackComponent next = queue.take(); next != null; next = queue.take()) {
                    try {
                        Started started = startOne(next);
                        onStarted.accept(started);
                        queue.up(started);
                    } catch (RuntimeException | Error e) {
                        queue.failed(e);
                    }
                }
            }, "devstack-start-" + i);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the stack started", e);
            }
        }
        return queue.result(components);
    }

    /** The components not yet started, and what is up; guarded by its own monitor. */
    private final class Queue {

        private final List<StackComponent> waiting;
        private final Map<String, Started> up = new LinkedHashMap<>();
        private int starting;
        private Throwable failure;

        Queue(List<StackComponent> waiting) {
            this.waiting = new ArrayList<>(waiting);
        }

        /** The next component to start, or null when none is left (or one failed). */
        synchronized StackComponent take() {
            while (failure == null && !waiting.isEmpty()) {
                for (StackComponent candidate : waiting) {
                    if (up.keySet().containsAll(needs.apply(candidate.module()))) {
                        waiting.remove(candidate);
                        starting++;
                        return candidate;
                    }
                }
                if (starting == 0) {
                    failure = new IllegalStateException("these need what never starts: " + waiting);
                    break;
                }
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
            return null;
        }

        synchronized void up(Started started) {
            starting--;
            up.put(started.component().module(), started);
            notifyAll();
        }

        synchronized void failed(Throwable e) {
            starting--;
            if (failure == null) {
                failure = e;
            }
            notifyAll();
        }

        synchronized List<Started> result(List<StackComponent> components) {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return components.stream().map(c -> up.get(c.module())).toList();
        }
    }

    private Started startOne(StackComponent component) {
        long t0 = System.nanoTime();
        ConfigurableApplicationContext context = starter.apply(component);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        return new Started(component, context, Duration.ofMillis(System.currentTimeMillis() - launchedAtMillis), took);
    }
}
