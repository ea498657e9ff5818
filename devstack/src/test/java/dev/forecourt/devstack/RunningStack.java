package dev.forecourt.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.ContractCheck;

/**
 * The whole embedded stack, started once per test JVM on a fresh data directory, exactly as
 * {@code ./forecourt up} starts it. End-to-end tests talk to it through the gateway only.
 */
final class RunningStack {

    /**
     * Ports shifted by 300 from the documented ones, so the tests can run beside a developer's stack
     * ({@code -Dforecourt.e2e.portOffset=N} for a second test run beside the first).
     */
    static final int PORT_OFFSET = Integer.getInteger("forecourt.e2e.portOffset", 300);
    static final String GATEWAY = "http://127.0.0.1:" + (8080 + PORT_OFFSET);
    static final String KAFKA = "127.0.0.1:" + (9092 + PORT_OFFSET);
    static final String MONGO = "mongodb://127.0.0.1:" + (27017 + PORT_OFFSET);
    private static Devstack stack;

    private RunningStack() {
    }

    static synchronized void ensureStarted() {
        if (stack != null) {
            return;
        }
        // The whole suite comes from one address (127.0.0.1): the per-address and per-user throttles sized for a
        // store's staff would hold back the hostile-input suite's thousands of requests. They are shown biting
        // in the gateway's and hr's own tests; hr's per-username login throttle stays on here.
        System.setProperty("forecourt.rate-limit.per-address.burst", "1000000");
        System.setProperty("forecourt.rate-limit.per-address.rate", "1000000");
        System.setProperty("forecourt.rate-limit.per-user.burst", "1000000");
        System.setProperty("forecourt.rate-limit.per-user.rate", "1000000");
        System.setProperty("forecourt.rate-limit.sign-in.burst", "1000000");
        System.setProperty("forecourt.rate-limit.sign-in.rate", "1000000");
        System.setProperty("forecourt.hr.identity.login-throttle-exempt-addresses", "127.0.0.1,::1");
        // CRM's quiet hours (21:00-08:00 in the store) would hold every text of a run at night: for the suite they are the
        // hour that starts twelve hours after the stack, so texts go out at once (crm-service's own tests show the waiting).
        // The workshop looks for cars running late every 2 s instead of every minute.
        java.time.LocalTime quietFrom = java.time.LocalTime.now(FlowSupport.STORE_ZONE).plusHours(12).withSecond(0).withNano(0);
        System.setProperty("forecourt.crm.messages.quiet-hours", quietFrom + "-" + quietFrom.plusHours(1));
        System.setProperty("forecourt.workshop.late-check-interval", "2s");
        try {
            stack = new Devstack(Files.createTempDirectory("forecourt-e2e"), PORT_OFFSET);
            stack.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop));
    }

    /** The running stack itself, for fault tests that stop and start its parts. */
    static Devstack stack() {
        ensureStarted();
        return stack;
    }

    /** A service's own port (e.g. 8084 for parts-service) on this stack. */
    static String direct(int documentedPort) {
        return "http://127.0.0.1:" + (documentedPort + PORT_OFFSET);
    }

    static Api gateway() {
        ensureStarted();
        return Api.at(GATEWAY);
    }

    private static ContractCheck contract;

    /** The gateway, every exchange checked against the OpenAPI documents (see {@link ContractCheck}). */
    static synchronized Api checkedGateway() {
        ensureStarted();
        if (contract == null) {
            contract = new ContractCheck(gateway(), java.util.stream.Stream.of("hr", "sales", "workshop", "parts", "claims", "crm")
                    .map(service -> "/v3/api-docs/" + service).toList());
        }
        return gateway().listening(COLLECT_DEVIATIONS ? RunningStack::collect : contract);
    }

    /**
     * How the whole-flow tests' exchanges are checked against the OpenAPI documents
     * ({@code -Dforecourt.e2e.contract=}): {@code check} fails a test at its first deviation;
     * {@code collect} lists every deviation in {@code target/contract-deviations.txt} (and the output)
     * and lets the test go on; {@code off} does not check. The default is {@code check}: with
     * {@code collect}, every whole-flow test ran without a deviation (docs/faults-and-hostile-input.md). {@link #checkedGateway()} always checks.
     */
    static final String CONTRACT_MODE = System.getProperty("forecourt.e2e.contract", "check");
    static final boolean COLLECT_DEVIATIONS = "collect".equals(CONTRACT_MODE);

    /** The gateway for a whole-flow test: checked or not as {@link #CONTRACT_MODE} says. */
    static Api flowGateway() {
        return "off".equals(CONTRACT_MODE) ? gateway() : checkedGateway();
    }

    private static void collect(String method, String path, java.util.Map<String, String> headers, String body, Api.Response response) {
        java.util.List<String> problems = contract.problems(method, path, headers, body, response);
        if (problems.isEmpty()) {
            return;
        }
        String pathOnly = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        String line = "[contract] " + method + " " + pathOnly + " -> " + response.status() + ": " + String.join(" | ", problems)
                + " | body: " + (response.body() == null ? "" : response.body().substring(0, Math.min(300, response.body().length())));
        System.out.println(line);
        try {
            Files.writeString(java.nio.file.Path.of("target", "contract-deviations.txt"), line + System.lineSeparator(),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized ContractCheck contract() {
        checkedGateway();
        return contract;
    }

    /** As {@link #as}, every exchange checked against the OpenAPI documents: what the whole-flow tests use. */
    static Api checkedAs(String username) {
        Api.Response login = checkedGateway().post("/api/v1/auth/token", "{\"username\":\"" + username + "\",\"password\":\"demo1234\"}");
        if (login.status() != 200) {
            throw new AssertionError("Login of " + username + " failed: " + login);
        }
        return checkedGateway().as(login.at("/accessToken"));
    }

    /** Logs a demo employee in through the gateway and returns an API client carrying the token. */
    static Api as(String username) {
        Api.Response login = gateway().post("/api/v1/auth/token", "{\"username\":\"" + username + "\",\"password\":\"demo1234\"}");
        if (login.status() != 200) {
            throw new AssertionError("Login of " + username + " failed: " + login);
        }
        return gateway().as(login.at("/accessToken"));
    }
}
