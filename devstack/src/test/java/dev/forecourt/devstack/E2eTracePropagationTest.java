package dev.forecourt.devstack;

import static dev.forecourt.devstack.FlowSupport.eventually;
import static dev.forecourt.devstack.FlowSupport.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.forecourt.devstack.FlowSupport.Staff;
import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;

/**
 * Trace propagation (docs/architecture.md, operations): a trace id a client sends to the gateway travels with the
 * request into the service, onto the event it records (CloudEvents {@code traceparent}) and into
 * the consumer that applies the event — and the log lines on both sides carry it in the MDC.
 * Hiring a technician as {@code hr} is the write; service-order-service's roster consumes the
 * EmployeeHired event.
 */
class E2eTracePropagationTest {

    /** Keeps every log line with its MDC as it was on the logging thread. */
    static final class CapturingAppender extends ListAppender<ILoggingEvent> {
        final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();

        @Override
        protected void append(ILoggingEvent event) {
            event.prepareForDeferredProcessing(); // the MDC is read lazily: freeze it while still on the logging thread
            events.add(event);
        }
    }

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final CapturingAppender logs = new CapturingAppender();

    @BeforeEach
    void captureLogs() {
        RunningStack.ensureStarted(); // the contexts configure logging as they start: attach after that
        logs.setContext(root.getLoggerContext());
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void stopCapturing() {
        root.detachAppender(logs);
        logs.stop();
    }

    @Test
    void aTraceIdSentToTheGatewayIsOnTheEventAndInTheLogsOfTheProducingServiceAndOfTheConsumer() {
        String traceId = hex(16);
        String traceparent = "00-" + traceId + "-" + hex(8) + "-01";
        String username = "e2e-trace-" + FlowSupport.lowerAlnum(6);

        Api.Response hired = expect(Staff.login("hr").api().header("traceparent", traceparent).post("/api/v1/employees", """
                {"username":"%s","name":"E2E 追踪","positionCode":"technician","initialPassword":"trace-pass-1234",
                 "skills":[{"skill":"electrical","level":2}]}""".formatted(username)), 201);
        String employeeId = hired.at("/id");

        // (a) the event carries the caller's trace
        String eventId;
        try (EventProbe hr = EventProbe.on(RunningStack.KAFKA, "forecourt.hr.events")) {
            EventProbe.ReceivedEvent event = hr.await("forecourt.hr.employee-hired.v1", employeeId);
            EventSchemas.assertValid(event);
            assertThat(String.valueOf(event.extension("traceparent"))).startsWith("00-" + traceId + "-");
            eventId = event.id();
        }
        String about = " " + eventId + " about " + employeeId;

        // (b) the producer logged the event on the request's thread, the consumer when it applied it, both in the trace
        ILoggingEvent recorded = eventually().until(() -> line("Recorded forecourt.hr.employee-hired.v1" + about, null), l -> l != null);
        assertThat(recorded.getMDCPropertyMap()).as("MDC of %s on %s", recorded.getFormattedMessage(), recorded.getThreadName())
                .containsEntry("traceId", traceId);

        ILoggingEvent applied = eventually().until(() -> line("Applied forecourt.hr.employee-hired.v1" + about, "service-order-service."),
                l -> l != null);
        assertThat(applied.getMDCPropertyMap()).as("MDC of %s on %s", applied.getFormattedMessage(), applied.getThreadName())
                .containsEntry("traceId", traceId);
        assertThat(applied.getThreadName()).isNotEqualTo(recorded.getThreadName());

        // and the consumer really applied it: the new technician is on the workshop's roster
        FlowSupport.awaitOnWorkshopRoster(Staff.login("foreman"), employeeId);
    }

    /** The captured line with this message, logged on a thread whose name starts with the prefix (any when null). */
    private ILoggingEvent line(String message, String threadPrefix) {
        return logs.events.stream()
                .filter(e -> message.equals(e.getFormattedMessage()))
                .filter(e -> threadPrefix == null || e.getThreadName().startsWith(threadPrefix))
                .findFirst().orElse(null);
    }

    /** Random bytes as lower-case hex: a W3C trace id (16 bytes) or span id (8 bytes), never all zero. */
    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        random[0] |= 0x10;
        return HexFormat.of().formatHex(random);
    }
}
