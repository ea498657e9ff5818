package dev.forecourt.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.forecourt.devstack.hostile.ApiOperations;
import dev.forecourt.devstack.hostile.ApiOperations.Operation;
import dev.forecourt.devstack.hostile.HostileCases;
import dev.forecourt.devstack.hostile.HostileCases.Case;

/**
 * Hostile input at every endpoint of every service, discovered from the services' own OpenAPI
 * documents: malformed JSON, wrong types, 5 MB bodies, 10,000 levels of nesting, MongoDB operators
 * in bodies and query parameters, unicode, absurd numbers and hostile path ids, with the token of
 * {@code gm} (every permission) so requests get past authorization into validation. Each request
 * goes to the service itself; the whole-body and path cases go through the gateway as well.
 *
 * <p>Asserts: never a 5xx; every 4xx is {@code application/problem+json}; and no change of state
 * (counts and checksums of every collection of every forecourt database, bookkeeping excepted)
 * after an operation whose hostile requests were all refused. A hostile request the service
 * accepts (2xx on a write: e.g. a name in Arabic script is a valid name) is listed, and the stack
 * is let settle before the next operation.
 *
 * <p>The field-level cases are sampled (seeded) to {@code -Dhostile.fieldCases=N} per operation
 * (default 12) so that the suite stays within the devstack's time budget; {@code -Dhostile.seed}
 * picks another sample.
 */
class HostileInputTest {

    private static final Map<String, Integer> SERVICES = new LinkedHashMap<>();
    private static final Set<String> THROUGH_GATEWAY_TOO = Set.of("path-id", "malformed-json", "deep-nesting", "huge-body");
    /** Failed logins are counted (lockout) by design: that collection changes on a refused login. */
    /**
     * Collections that change by themselves: hr's login throttle counts refused sign-ins; crm's texts are sent by its
     * dispatcher every 30 s (waiting and retried ones) and their delivery reports come from the SMS provider — neither
     * answers the request under test.
     */
    private static final Set<String> EXPECTED_TO_CHANGE_ON_REFUSAL = Set.of("forecourt-hr.login_throttle", "forecourt-crm.customer_messages");

    static {
        SERVICES.put("hr", 8081);
        SERVICES.put("sales", 8082);
        SERVICES.put("workshop", 8083);
        SERVICES.put("parts", 8084);
        SERVICES.put("claims", 8085);
        SERVICES.put("crm", 8086);
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Finding(String operation, Case hostile, String via, int status, String contentType, String body) {

        @Override
        public String toString() {
            return operation + " [" + hostile.category() + ": " + hostile.what() + "] via " + via + " -> " + status + " "
                    + contentType + " " + (body == null ? "" : body.substring(0, Math.min(body.length(), 240)));
        }
    }

    @Test
    void everyEndpointAnswersHostileInputWithoutA5xxWithProblemDetailsAndWithoutChangingState() throws Exception {
        RunningStack.ensureStarted();
        long seed = Long.getLong("hostile.seed", 20261123L);
        int fieldBudget = Integer.getInteger("hostile.fieldCases", 12);
        Random random = new Random(seed);
        String token = login();

        Map<String, String> bases = new LinkedHashMap<>();
        SERVICES.forEach((name, port) -> bases.put(name, RunningStack.direct(port)));
        List<Operation> operations = ApiOperations.discover(bases);
        assertThat(operations).hasSizeGreaterThan(100);

        Map<String, Integer> triedByCategory = new TreeMap<>();
        List<Finding> serverErrors = new ArrayList<>();
        List<Finding> notProblems = new ArrayList<>();
        List<Finding> accepted = new ArrayList<>();
        List<Finding> strictNotRefused = new ArrayList<>();
        Map<String, Integer> knownFindings = new TreeMap<>();
        List<String> stateChanges = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int tried = 0;
        String lastService = "";
        long started = System.nanoTime();

        try (StoreState store = new StoreState(RunningStack.MONGO)) {
            StoreState.Snapshot before = store.settle(Duration.ofSeconds(120));
            long documents = before.documents();
            for (Operation op : operations) {
                if (op.parameters().isEmpty() && !op.hasBody() && op.mutating()) {
                    skipped.add(op + " (no input to attack)");
                    continue;
                }
                boolean anyAccepted = false;
                if (!op.service().equals(lastService)) {
                    System.out.println("[hostile] " + op.service() + " after " + tried + " requests, "
                            + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
                    lastService = op.service();
                }
                for (Case hostile : HostileCases.forOperation(op, random, fieldBudget)) {
                    List<String> vias = new ArrayList<>(List.of(op.baseUrl()));
                    if (THROUGH_GATEWAY_TOO.contains(hostile.category()) && (!"path-id".equals(hostile.category()) || !op.mutating())) {
                        vias.add(RunningStack.GATEWAY);
                    }
                    for (String via : vias) {
                        tried++;
                        triedByCategory.merge(hostile.category(), 1, Integer::sum);
                        HttpResponse<String> response = send(via, hostile, token);
                        String where = via.equals(RunningStack.GATEWAY) ? "gateway" : op.service();
                        String type = response == null ? "" : response.headers().firstValue("Content-Type").orElse("");
                        int status = response == null ? 599 : response.statusCode();
                        Finding finding = new Finding(op.toString(), hostile, where, status, type, response == null ? "no answer" : response.body());
                        String known = knownUnfixed(finding);
                        // (an OEM webhook is read as the bytes it was signed over: XML fails its signature, 401)
                        if (HostileCases.XML.equals(hostile.category()) && status != 415 && !(op.path().startsWith("/webhooks/") && status == 401)
                                || HostileCases.STRICT.equals(hostile.category()) && (status < 400 || status >= 500)) {
                            strictNotRefused.add(finding);
                        }
                        if (known != null) {
                            knownFindings.merge(known, 1, Integer::sum);
                        } else if (status >= 500) {
                            serverErrors.add(finding);
                        } else if (status >= 400 && !type.startsWith("application/problem+json")) {
                            notProblems.add(finding);
                        } else if (status < 300 && op.mutating() && !"baseline".equals(hostile.category())) {
                            accepted.add(finding);
                            anyAccepted = true;
                        } else if (status < 300 && op.mutating()) {
                            anyAccepted = true;
                        }
                    }
                }
                StoreState.Snapshot after = anyAccepted ? store.settle(Duration.ofSeconds(120)) : store.snapshot();
                if (!anyAccepted && !after.equals(before)) {
                    List<String> changed = new ArrayList<>(before.differences(after));
                    changed.removeIf(c -> EXPECTED_TO_CHANGE_ON_REFUSAL.stream().anyMatch(c::startsWith));
                    if (!changed.isEmpty()) {
                        // a scheduler of the stack may have run meanwhile: judge on a settled store
                        StoreState.Snapshot settled = store.settle(Duration.ofSeconds(120));
                        List<String> stillChanged = new ArrayList<>(before.differences(settled));
                        stillChanged.removeIf(c -> EXPECTED_TO_CHANGE_ON_REFUSAL.stream().anyMatch(c::startsWith));
                        if (!stillChanged.isEmpty()) {
                            stateChanges.add(op + ": " + stillChanged);
                        }
                        after = settled;
                    }
                }
                before = after;
            }
            long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
            FaultReport.record("hostile-input", operations.size() + " operations (" + skipped.size() + " without input skipped), "
                    + tried + " requests in " + seconds + " s (seed " + seed + ", " + fieldBudget + " field cases per operation) by category "
                    + triedByCategory + "; 5xx " + serverErrors.size() + "; 4xx without problem+json " + notProblems.size()
                    + "; state changed after refused requests " + stateChanges.size() + "; strict input not refused " + strictNotRefused.size() + "; hostile writes accepted " + accepted.size()
                    + "; documents in the store " + documents + "; known, not fixed here (docs/faults-and-hostile-input.md) " + knownFindings);
        }
        accepted.forEach(f -> System.out.println("[hostile accepted] " + f));
        serverErrors.forEach(f -> System.out.println("[hostile 5xx] " + f));
        notProblems.forEach(f -> System.out.println("[hostile not-problem] " + f));
        stateChanges.forEach(c -> System.out.println("[hostile state-change] " + c));
        skipped.forEach(s -> System.out.println("[hostile skipped] " + s));

        strictNotRefused.forEach(f -> System.out.println("[hostile strict-not-refused] " + f));
        assertThat(serverErrors).as("5xx answers to hostile input").isEmpty();
        assertThat(strictNotRefused).as("strict input not refused (4xx; XML 415)").isEmpty();
        assertThat(notProblems).as("4xx answers that are not application/problem+json").isEmpty();
        assertThat(stateChanges).as("state changed although every hostile request was refused").isEmpty();
    }

    /**
     * Answers given before any code of ours runs, owned elsewhere and listed in
     * docs/faults-and-hostile-input.md: the gateway's Netty/WebFlux layer refusing a URL (a request
     * line over 4 KiB, {@code ..}, {@code ;}, NUL or an encoded slash) with an empty 400/414, and
     * Tomcat refusing one (an encoded NUL or slash, a request line over 8 KiB) with its own HTML 400.
     */
    static String knownUnfixed(Finding f) {
        boolean bareOrHtml = f.contentType().isEmpty() || f.contentType().startsWith("text/html");
        if (f.via().equals("gateway") && (f.status() == 400 || f.status() == 414) && f.contentType().isEmpty()) {
            return "gateway refuses the URL itself (" + f.status() + ", no body)";
        }
        if (!f.via().equals("gateway") && f.status() == 400 && bareOrHtml
                && (f.hostile().category().equals("path-id") || f.hostile().category().startsWith("query"))) {
            return "Tomcat refuses the URL itself (400, its HTML page)";
        }
        return null;
    }

    private static String login() {
        var response = RunningStack.gateway().post("/api/v1/auth/token", "{\"username\":\"gm\",\"password\":\"demo1234\"}");
        if (response.status() != 200) {
            throw new AssertionError("Login of gm failed: " + response);
        }
        return response.at("/accessToken");
    }

    private HttpResponse<String> send(String base, Case hostile, String token) throws InterruptedException {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(base + hostile.pathAndQuery())).timeout(Duration.ofSeconds(60));
        } catch (IllegalArgumentException notAUri) {
            throw new AssertionError("The generator made an invalid URI: " + hostile, notAUri);
        }
        request.header("Authorization", "Bearer " + token);
        if (hostile.body() != null) {
            request.header("Content-Type", HostileCases.XML.equals(hostile.category()) ? "application/xml" : "application/json");
            request.method(hostile.method(), HttpRequest.BodyPublishers.ofString(hostile.body()));
        } else {
            request.method(hostile.method(), HttpRequest.BodyPublishers.noBody());
        }
        HttpRequest built = request.build();
        try {
            return http.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException dropped) {
            // a connection the server closed while this client still wrote to it (an oversized request line refused
            // after 4 KiB) can surface as a reset: asked again on a new connection, the answer must come
            try {
                return http.send(built, HttpResponse.BodyHandlers.ofString());
            } catch (IOException again) {
                System.out.println("[hostile no-answer] " + hostile + " at " + base + ": " + dropped + "; again: " + again);
                return null; // reported as 599: the server dropped the connection twice
            }
        }
    }
}
