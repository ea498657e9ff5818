package dev.forecourt.devstack;

import static dev.forecourt.devstack.FlowSupport.eventually;
import static dev.forecourt.devstack.FlowSupport.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.sun.net.httpserver.HttpServer;

import dev.forecourt.devstack.FlowSupport.Staff;
import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;
import tools.jackson.databind.node.ObjectNode;

/**
 * The attacks of the penetration test, one test per finding, each made again through the gateway
 * (and at a service's own port where the finding was there too), each asserting the defence that
 * now holds. Other loopback addresses (127.0.0.2 …) stand for other client machines: the gateway's
 * per-address throttle and hr's login throttle count them apart.
 */
class E2eSecurityTest {

    private static final String GATEWAY = RunningStack.GATEWAY;
    private static final long TEN_MB = 10L * 1024 * 1024;

    // ------------------------------------------------------------------ 1

    @Test
    void finding1_aTenMegabyteChunkedBodyIsRefusedWith413WithinASecondAtTheGatewayAndAtTheServicesAndTheHeapIsUnaffected() {
        RunningStack.ensureStarted();
        String gm = Staff.login("gm").token();
        Map<String, String> json = Map.of("Content-Type", "application/json");
        Map<String, String> jsonWithToken = Map.of("Content-Type", "application/json", "Authorization", "Bearer " + gm);
        record Target(String base, String path, Map<String, String> headers) {
        }
        List<Target> targets = List.of(
                new Target(GATEWAY, "/api/v1/auth/token", json),
                new Target(GATEWAY, "/webhooks/oem/claim-status", json),
                new Target(GATEWAY, "/api/v1/customers", jsonWithToken),
                new Target(RunningStack.direct(8081), "/api/v1/auth/token", json),
                new Target(RunningStack.direct(8086), "/api/v1/customers", jsonWithToken),
                new Target(RunningStack.direct(8085), "/webhooks/oem/claim-status", json));
        // warm: the first request to each path loads classes; the bound is about the refusal, not a cold JVM
        for (Target t : targets) {
            RawHttp.client().sendChunked(t.base(), "POST", t.path(), t.headers(), 2L * 1024 * 1024);
        }

        long heapBefore = usedHeapAfterGc();
        List<String> answers = new ArrayList<>();
        for (Target t : targets) {
            RawHttp.Answer answer = RawHttp.client().sendChunked(t.base(), "POST", t.path(), t.headers(), TEN_MB);
            answers.add(t.base() + t.path() + " -> " + answer.status() + " in " + answer.untilStatus().toMillis() + " ms");
            assertThat(answer.status()).as("%s%s: %s", t.base(), t.path(), answer).isEqualTo(413);
            assertThat(answer.isProblem()).as("%s", answer).isTrue();
            assertThat(answer.contentType()).doesNotContainIgnoringCase("ISO-8859-1");
            assertThat(answer.body()).contains("\"status\":413");
            assertThat(answer.untilStatus()).as("%s%s", t.base(), t.path()).isLessThan(Duration.ofSeconds(1));
        }
        long heapAfter = usedHeapAfterGc();
        System.out.println("[security] 10 MB chunked bodies: " + answers + "; used heap after GC " + heapBefore / 1_048_576 + " MB before, "
                + heapAfter / 1_048_576 + " MB after");
        // six 10 MB bodies held in memory would be 60 MB and more (as Java strings, twice that)
        assertThat(heapAfter - heapBefore).as("used heap after GC grew by").isLessThan(48L * 1024 * 1024);
        // and the stack still answers
        assertThat(RunningStack.gateway().get("/actuator/health").status()).isEqualTo(200);
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            sleep(300);
            least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    // ------------------------------------------------------------------ 2

    @Test
    void finding2_theGatewaysThrottlesBitePerUserPerAddressAndOnSignInWith429AndRetryAfter() throws IOException {
        // the suite's own gateway has its throttles raised (thousands of requests from one address); this one has a store's,
        // tightened so that a test sees them bite, in front of the same services
        int port = freePort();
        Map<String, Object> limits = new HashMap<>();
        limits.put("forecourt.rate-limit.per-user.burst", 5);
        limits.put("forecourt.rate-limit.per-user.rate", 1);
        limits.put("forecourt.rate-limit.per-user.per", "1m");
        limits.put("forecourt.rate-limit.per-address.burst", 12);
        limits.put("forecourt.rate-limit.per-address.rate", 1);
        limits.put("forecourt.rate-limit.per-address.per", "1m");
        limits.put("forecourt.rate-limit.sign-in.burst", 3);
        limits.put("forecourt.rate-limit.sign-in.rate", 1);
        limits.put("forecourt.rate-limit.sign-in.per", "1m");
        String advisor = Staff.login("advisor").token();
        String foreman = Staff.login("foreman").token();
        ConfigurableApplicationContext gateway = RunningStack.stack().startVariant("gateway", port, limits);
        try {
            String throttled = "http://127.0.0.1:" + port;
            Map<String, String> asAdvisor = Map.of("Authorization", "Bearer " + advisor);

            // per user: the advisor's sixth request within the minute is refused, from whichever address
            List<Integer> statuses = new ArrayList<>();
            RawHttp.Answer last = null;
            for (int i = 0; i < 6; i++) {
                last = RawHttp.from("127.0.0.5").send(throttled, "GET", "/api/v1/appointments", asAdvisor, null);
                statuses.add(last.status());
            }
            assertThat(statuses).containsExactly(200, 200, 200, 200, 200, 429);
            assertRateLimited(last);
            assertRateLimited(RawHttp.from("127.0.0.6").send(throttled, "GET", "/api/v1/appointments", asAdvisor, null));
            assertThat(RawHttp.from("127.0.0.6").send(throttled, "GET", "/api/v1/appointments",
                    Map.of("Authorization", "Bearer " + foreman), null).status()).as("another staff member").isEqualTo(200);

            // per address: the 13th request from one address within the minute, token or not
            statuses.clear();
            for (int i = 0; i < 13; i++) {
                last = RawHttp.from("127.0.0.7").send(throttled, "GET", "/api/v1/parts", Map.of(), null);
                statuses.add(last.status());
            }
            assertThat(statuses.subList(0, 12)).containsOnly(401);
            assertRateLimited(last);
            assertThat(RawHttp.from("127.0.0.8").send(throttled, "GET", "/api/v1/parts", Map.of(), null).status())
                    .as("another address").isEqualTo(401);

            // sign-in: the fourth login from one address within the minute, before hr sees it
            statuses.clear();
            String wrong = "{\"username\":\"nobody-" + FlowSupport.lowerAlnum(6) + "\",\"password\":\"guess-1234\"}";
            for (int i = 0; i < 4; i++) {
                last = RawHttp.from("127.0.0.9").send(throttled, "POST", "/api/v1/auth/token", Map.of("Content-Type", "application/json"), wrong);
                statuses.add(last.status());
            }
            assertThat(statuses).containsExactly(401, 401, 401, 429);
            assertRateLimited(last);
            assertRateLimited(RawHttp.from("127.0.0.9").send(throttled, "POST", "//api/v1/auth//token/",
                    Map.of("Content-Type", "application/json"), wrong));
        } finally {
            // only its server stops: closing a reactive context disposes Reactor Netty's global resources, which the
            // stack's own gateway in this JVM shares
            ((org.springframework.boot.web.server.context.WebServerApplicationContext) gateway).getWebServer().stop();
        }
    }

    private static void assertRateLimited(RawHttp.Answer answer) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(429);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.body()).contains("rate-limited");
        assertThat(Long.parseLong(answer.header("Retry-After"))).isPositive();
    }

    @Test
    void finding2_anonymousFailedLoginsHoldTheGuesserBackWithAGrowingDelayButNotTheEmployeeAtHerOwnWorkstationAndHrUnlocks() {
        Staff hr = Staff.login("hr");
        String username = "e2e-victim-" + FlowSupport.lowerAlnum(6);
        String employeeId = expect(hr.api().post("/api/v1/employees", """
                {"username":"%s","name":"受害 测试","positionCode":"cashier","initialPassword":"her-own-pass-1"}"""
                .formatted(username)), 201).at("/id");
        String right = "{\"username\":\"" + username + "\",\"password\":\"her-own-pass-1\"}";

        // through the gateway: five anonymous guesses hold the username back for seconds (429, Retry-After), not 15 minutes
        List<Integer> statuses = new ArrayList<>();
        Api.Response held = null;
        for (int i = 0; i < 5; i++) {
            held = RunningStack.gateway().post("/api/v1/auth/token", "{\"username\":\"" + username + "\",\"password\":\"guess-" + i + "\"}");
            statuses.add(held.status());
        }
        assertThat(statuses).containsExactly(401, 401, 401, 401, 429);
        assertThat(held.isProblem()).isTrue();
        assertThat(held.at("/type")).endsWith("/login-throttled");
        assertThat(Long.parseLong(held.header("Retry-After"))).as("a short delay, not a 15-minute lockout").isBetween(1L, 5L);
        assertThat(RunningStack.gateway().post("/api/v1/auth/token", right).status()).isEqualTo(429);
        // HR lifts the hold
        Api.Response unlocked = expect(hr.api().post("/api/v1/employees/" + employeeId + "/unlock"), 200);
        assertThat(unlocked.at("/wasHeld")).isEqualTo("true");
        assertThat(unlocked.at("/unlockedBy")).isEqualTo("hr");
        assertThat(RunningStack.gateway().post("/api/v1/auth/token", right).status()).isEqualTo(200);

        // at hr's port, clients named as a proxy names them (X-Forwarded-For from a trusted proxy, as hr reads the gateway's):
        // her workstation, a guesser's machine, a machine she never used
        String hrPort = RunningStack.direct(8081);
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        String workstation = "10.20." + random.nextInt(1, 255) + "." + random.nextInt(1, 255);
        String guesser = "10.21." + random.nextInt(1, 255) + "." + random.nextInt(1, 255);
        String elsewhere = "10.22." + random.nextInt(1, 255) + "." + random.nextInt(1, 255);
        assertThat(login(hrPort, workstation, right).status()).as("her usual login").isEqualTo(200);
        statuses.clear();
        RawHttp.Answer guessed = null;
        for (int i = 0; i < 5; i++) {
            guessed = login(hrPort, guesser, "{\"username\":\"" + username + "\",\"password\":\"guess-b" + i + "\"}");
            statuses.add(guessed.status());
        }
        assertThat(statuses).containsExactly(401, 401, 401, 401, 429);
        long firstDelay = Long.parseLong(guessed.header("Retry-After"));
        assertThat(firstDelay).isBetween(1L, 5L);
        assertThat(login(hrPort, guesser, right).status()).as("even the right password, from the guesser's machine").isEqualTo(429);
        assertThat(login(hrPort, elsewhere, right).status()).as("from a machine she never used, the username is held back too").isEqualTo(429);
        // she is not locked out: from her workstation she logs in at once (and her login starts the username's count over)
        assertThat(login(hrPort, workstation, right).status()).isEqualTo(200);
        // the guesser's delay grows with each further failure once the last one has passed
        sleep((firstDelay + 1) * 1000);
        RawHttp.Answer again = login(hrPort, guesser, "{\"username\":\"" + username + "\",\"password\":\"guess-b5\"}");
        assertThat(again.status()).isEqualTo(429);
        assertThat(Long.parseLong(again.header("Retry-After"))).as("the next delay").isGreaterThan(firstDelay);
        // the general manager may unlock as well as HR
        assertThat(expect(Staff.login("gm").api().post("/api/v1/employees/" + employeeId + "/unlock"), 200).at("/unlockedBy")).isEqualTo("gm");
    }

    private static RawHttp.Answer login(String base, String forwardedFor, String body) {
        return RawHttp.client().send(base, "POST", "/api/v1/auth/token",
                Map.of("Content-Type", "application/json", "X-Forwarded-For", forwardedFor), body);
    }

    // ------------------------------------------------------------------ 3

    @Test
    void finding3_theHrSpecialistCannotGrantHerOwnRoleMoveHerselfOrResetTheGeneralManagersPasswordAndRoleChangesAreEvents() {
        Staff hr = Staff.login("hr");
        Staff gm = Staff.login("gm");
        String ownRole = expect(hr.api().get("/api/v1/positions/" + hr.position()), 200).at("/roleCode");
        Api.Response role = expect(hr.api().get("/api/v1/roles/" + ownRole), 200);
        List<String> widened = new ArrayList<>();
        role.json().path("permissions").forEach(p -> widened.add(p.asString()));
        widened.add("security:admin");
        widened.add("operations:read");

        Api.Response grantOwn = hr.api().put("/api/v1/roles/" + ownRole, FlowSupport.json(Map.of("name", "HR", "permissions", widened)));
        assertSeparationOfDuties(grantOwn);
        assertThat(FlowSupport.claimsOf(Staff.login("hr").token()).path("permissions").toString())
                .as("her next token").doesNotContain("security:admin");

        assertSeparationOfDuties(hr.api().post("/api/v1/employees/" + hr.employeeId() + "/assign", "{\"positionCode\":\"general-manager\"}"));
        assertSeparationOfDuties(hr.api().post("/api/v1/employees/" + hr.employeeId() + "/assign", "{\"positionCode\":\"cashier\"}"));
        assertSeparationOfDuties(hr.api().put("/api/v1/employees/" + gm.employeeId() + "/password", "{\"password\":\"taken-over-1234\"}"));
        assertThat(Staff.login("gm").username()).as("the general manager's password unchanged").isEqualTo("gm");

        // the general manager changes a role: an event with who and when
        String code = "e2e-role-" + FlowSupport.lowerAlnum(6);
        Api.Response defined = gm.api().put("/api/v1/roles/" + code, "{\"name\":\"E2E role\",\"permissions\":[\"parts:read\"]}");
        assertThat(defined.status()).as("%s", defined).isBetween(200, 201);
        Instant before = Instant.now().minusSeconds(60);
        try (EventProbe hrEvents = EventProbe.on(RunningStack.KAFKA, "forecourt.hr.events")) {
            EventProbe.ReceivedEvent changed = hrEvents.await("forecourt.hr.role-permissions-changed.v1", code);
            EventSchemas.assertValid(changed);
            assertThat(changed.data().path("changedBy").asString()).isEqualTo("gm");
            assertThat(changed.data().path("changedById").asString()).isEqualTo(gm.employeeId());
            assertThat(changed.data().path("granted").toString()).contains("parts:read");
            assertThat(Instant.parse(changed.data().path("changedAt").asString())).isAfter(before);
        }
    }

    private static void assertSeparationOfDuties(Api.Response refused) {
        assertThat(refused.status()).as("%s", refused).isEqualTo(403);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.at("/type")).endsWith("/separation-of-duties");
    }

    // ------------------------------------------------------------------ 4

    @Test
    void finding4_yearsOfPlusOrMinus300MillionInADateParameterOrABodyAre400ProblemsNot500() {
        Api warranty = Staff.login("gm").api();
        Api crm = warranty;
        for (Api.Response answer : List.of(
                warranty.get("/api/v1/claims-reports/summary?from=%2B300000000-01-01&to=%2B300000000-12-31"),
                warranty.get("/api/v1/claims-reports/summary?from=-300000000-01-01"),
                crm.get("/api/v1/crm-reports/csi/weekly?date=-300000000-01-01"),
                crm.get("/api/v1/crm-reports/csi/weekly?date=%2B300000000-06-01"),
                warranty.post("/api/v1/warranty-claims", Desk.warrantyClaim("ro-e2e-years")
                        .replaceFirst("\"failureDate\":\"[^\"]+\"", "\"failureDate\":\"+300000000-01-01\"")),
                warranty.post("/api/v1/warranty-claims", Desk.warrantyClaim("ro-e2e-years")
                        .replaceFirst("\"warrantyStartDate\":\"[^\"]+\"", "\"warrantyStartDate\":\"-300000000-01-01\"")))) {
            assertThat(answer.status()).as("%s", answer).isEqualTo(400);
            assertThat(answer.isProblem()).isTrue();
        }
    }

    // ------------------------------------------------------------------ 5

    @Test
    void finding5_claimsAcceptsAWebhookSignedWithEitherOfItsSecretsAndRefusesAnyOther() {
        String body = "{\"type\":\"claim.status-changed\",\"claimNumber\":\"WC-E2E-" + FlowSupport.digits(8) + "\",\"submission\":1,"
                + "\"oemReference\":null,\"status\":\"RECEIVED\",\"reasonCode\":null,\"message\":null,\"approvedLines\":[],"
                + "\"paidAmount\":null,\"paymentReference\":null,\"currency\":\"CNY\",\"partReturnRequested\":false,"
                + "\"occurredAt\":\"" + Instant.now() + "\"}";
        Api.Response current = webhook(body, StackComponents.OEM_WEBHOOK_SECRET);
        assertThat(current.status()).as("%s", current).isEqualTo(202);
        Api.Response next = webhook(body.replace("\"submission\":1", "\"submission\":2"), StackComponents.OEM_NEXT_WEBHOOK_SECRET);
        assertThat(next.status()).as("%s", next).isEqualTo(202);
        Api.Response forged = webhook(body, "whsec_YW4tYXR0YWNrZXItZ3Vlc3NlZC10aGlzLXNlY3JldA==");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.isProblem()).isTrue();
        assertThat(forged.at("/type")).endsWith("/webhook-signature");
    }

    private static Api.Response webhook(String body, String secret) {
        String id = "msg_e2e_" + FlowSupport.lowerAlnum(12);
        long timestamp = Instant.now().getEpochSecond();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            String signature = "v1," + Base64.getEncoder().encodeToString(
                    mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
            return RunningStack.gateway().header("webhook-id", id).header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", signature).post("/webhooks/oem/claim-status", body);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ 6

    @Test
    void finding6_unknownKeysNulCoercedTypesThirdDecimalsMalformedFiltersAndXmlAreRefusedAndNothingIsStored() {
        Api crm = Staff.login("crm").api();
        String phone = FlowSupport.mobile();
        String valid = "{\"name\":\"严格 测试\",\"phone\":\"" + phone + "\",\"callConsent\":true";
        for (String hostile : List.of(
                valid + ",\"$where\":\"sleep(5000) || true\"}",
                valid + ",\"a.b\":\"dotted\"}",
                valid.replace("严格 测试", "严格\\u0000测试") + "}",
                valid.replace("\"严格 测试\"", "12345") + "}",
                valid.replace("\"callConsent\":true", "\"callConsent\":1") + "}")) {
            Api.Response refused = crm.post("/api/v1/customers", hostile);
            assertThat(refused.status()).as("%s -> %s", hostile, refused).isEqualTo(400);
            assertThat(refused.isProblem()).isTrue();
        }
        assertThat(expect(crm.get("/api/v1/customers?phone=" + phone), 200).json().path("items").size())
                .as("none of them stored").isZero();

        // a malformed filter is refused, never dropped (it once answered every customer), and so is its operator form
        Api.Response malformed = crm.get("/api/v1/customers?phone=abc");
        assertThat(malformed.status()).as("%s", malformed).isEqualTo(400);
        assertThat(malformed.isProblem()).isTrue();
        Api.Response filter = crm.get("/api/v1/customers?phone[$ne]=1");
        assertThat(filter.status()).as("%s", filter).isBetween(400, 499);
        assertThat(filter.isProblem()).isTrue();

        // XML is not JSON: 415, not a 400 about its content
        RawHttp.Answer xml = RawHttp.client().send(GATEWAY, "POST", "/api/v1/customers",
                Map.of("Content-Type", "application/xml", "Authorization", "Bearer " + Staff.login("crm").token()),
                "<customer><name>XML</name><phone>" + phone + "</phone><callConsent>true</callConsent></customer>");
        assertThat(xml.status()).as("%s", xml).isEqualTo(415);
        assertThat(xml.isProblem()).isTrue();

        // numbers: no text for a number, no fraction for a whole number, money never rounded
        Api parts = Staff.login("partsmanager").api();
        String number = "E2E" + FlowSupport.digits(8);
        String part = "{\"partNumber\":\"" + number + "\",\"name\":\"strict test part\",\"unit\":\"piece\","
                + "\"price\":{\"amount\":PRICE,\"currency\":\"CNY\"},\"binLocation\":\"Z-99\",\"minStock\":MIN,\"maxStock\":10,"
                + "\"safetyStock\":0,\"genuineOem\":false}";
        for (String hostile : List.of(part.replace("PRICE", "12.50").replace("MIN", "\"1\""),
                part.replace("PRICE", "12.50").replace("MIN", "1.5"))) {
            Api.Response refused = parts.post("/api/v1/parts", hostile);
            assertThat(refused.status()).as("%s -> %s", hostile, refused).isEqualTo(400);
            assertThat(refused.isProblem()).isTrue();
        }
        Api.Response thirdDecimal = parts.post("/api/v1/parts", part.replace("PRICE", "1.005").replace("MIN", "1"));
        assertThat(thirdDecimal.status()).as("%s", thirdDecimal).isEqualTo(422);
        assertThat(thirdDecimal.at("/type")).endsWith("/money-precision");
        assertThat(parts.get("/api/v1/parts/" + number).status()).as("not stored rounded").isEqualTo(404);
        Api.Response exact = expect(parts.post("/api/v1/parts", part.replace("PRICE", "1.01").replace("MIN", "1")), 201);
        assertThat(exact.json().path("price").path("amount").decimalValue()).isEqualByComparingTo("1.01");
    }

    // ------------------------------------------------------------------ 7

    @Test
    void finding7_unencodedBracketsTraversalPathsAndOversizedHeadersAreAnsweredWithUtf8ProblemDetails() {
        String gm = Staff.login("gm").token();
        Map<String, String> auth = Map.of("Authorization", "Bearer " + gm);
        List<String> notProblems = new ArrayList<>();
        for (String base : List.of(GATEWAY, RunningStack.direct(8086))) {
            for (String target : List.of(
                    "/api/v1/customers?name[$ne]=x",
                    "/api/v1/customers?phone[]=1&name=[a]",
                    "/api/v1/customers/../../actuator/env",
                    "/api/v1/../actuator/env",
                    "/api/v1/customers/%2e%2e/%2e%2e/actuator/env",
                    "/api/v1/customers/..%2f..%2factuator%2fenv",
                    "/api/v1/customers/..;/..;/actuator/env",
                    "/api/v1/customers/%00")) {
                RawHttp.Answer answer = RawHttp.client().send(base, "GET", target, auth, null);
                if (answer.status() < 400 || answer.status() >= 500 || !answer.isProblem()
                        || answer.contentType().toLowerCase().contains("iso-8859-1")) {
                    notProblems.add(base + target + " -> " + answer);
                }
                assertThat(answer.body()).as("%s%s", base, target).doesNotContain("activeProfiles").doesNotContain("propertySources");
            }
            // an oversized header
            RawHttp.Answer big = RawHttp.client().send(base, "GET", "/api/v1/customers",
                    Map.of("Authorization", "Bearer " + gm, "X-Padding", "x".repeat(64 * 1024)), null);
            if (big.status() < 400 || big.status() >= 500 || !big.isProblem()) {
                notProblems.add(base + " oversized header -> " + big);
            }
        }
        // the services' own 401 and 413 in UTF-8 (they were ISO-8859-1)
        for (RawHttp.Answer answer : List.of(
                RawHttp.client().send(RunningStack.direct(8086), "GET", "/api/v1/customers", Map.of(), null),
                RawHttp.client().send(RunningStack.direct(8086), "POST", "/api/v1/customers",
                        Map.of("Content-Type", "application/json", "Authorization", "Bearer " + gm), "[" + "1,".repeat(600_000) + "1]"))) {
            if (!answer.isProblem() || answer.contentType().toLowerCase().contains("iso-8859-1")) {
                notProblems.add("crm-service " + answer);
            }
        }
        assertThat(notProblems).as("answers that are not UTF-8 problem+json 4xx").isEmpty();
    }

    // ------------------------------------------------------------------ 8

    @Test
    void finding8_publicHealthSaysOnlyUpOrDownAndMetricsAndPrometheusNeedOperationsRead() {
        Api.Response health = expect(RunningStack.gateway().get("/actuator/health"), 200);
        // the status, and the names of the probe groups (liveness, readiness) — nothing about disks, databases or services
        assertThat(health.json().propertyNames()).contains("status").isSubsetOf("status", "groups");
        assertThat(health.at("/status")).isIn("UP", "DOWN");
        assertThat(health.body()).doesNotContain("disk").doesNotContain("forecourt-").doesNotContain("/tmp");
        for (String direct : List.of(RunningStack.direct(8081), RunningStack.direct(8086))) {
            Api.Response service = expect(Api.at(direct).get("/actuator/health"), 200);
            assertThat(service.json().propertyNames()).as(direct).contains("status").isSubsetOf("status", "groups");
            assertThat(service.body()).doesNotContain("disk").doesNotContain("forecourt-");
        }

        Staff gm = Staff.login("gm");
        String operations = HrSigningKey.sign(withPermissions(gm.token(), List.of("operations:read")));
        for (String path : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/health/details")) {
            Api.Response anonymous = RunningStack.gateway().get(path);
            assertThat(anonymous.status()).as("%s anonymous: %s", path, anonymous).isEqualTo(401);
            assertThat(anonymous.isProblem()).isTrue();
            Api.Response advisor = Staff.login("advisor").api().get(path);
            assertThat(advisor.status()).as("%s as the advisor", path).isEqualTo(403);
            assertThat(advisor.isProblem()).isTrue();
            Api.Response permitted = RunningStack.gateway().as(operations).get(path);
            assertThat(permitted.status()).as("%s with operations:read: %s", path, permitted).isEqualTo(200);
        }
        assertThat(RunningStack.gateway().as(operations).get("/actuator/prometheus").body()).contains("jvm_");
    }

    // ------------------------------------------------------------------ 9

    @Test
    void finding9_aDepartedEmployeesTokenIsRefusedWithinSecondsAtTheGatewayAndAtAServicePort() {
        Staff hr = Staff.login("hr");
        String username = "e2e-leaver-" + FlowSupport.lowerAlnum(6);
        String employeeId = expect(hr.api().post("/api/v1/employees", """
                {"username":"%s","name":"离职 测试","positionCode":"service-advisor","initialPassword":"leaving-pass-1"}"""
                .formatted(username)), 201).at("/id");
        Staff leaver = Staff.login(username, "leaving-pass-1");
        Api direct = Api.at(RunningStack.direct(8083)).as(leaver.token());
        expect(leaver.api().get("/api/v1/appointments"), 200);
        expect(direct.get("/api/v1/appointments"), 200);

        expect(hr.api().post("/api/v1/employees/" + employeeId + "/leave", "{\"reason\":\"e2e: left the store\"}"), 200);
        long left = System.nanoTime();
        eventually().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(leaver.api().get("/api/v1/appointments").status()).as("through the gateway").isEqualTo(401);
            assertThat(direct.get("/api/v1/appointments").status()).as("at workshop's port").isEqualTo(401);
        });
        System.out.println("[security] a departed employee's token refused everywhere " + Duration.ofNanos(System.nanoTime() - left).toMillis()
                + " ms after she left");
        assertThat(leaver.api().get("/api/v1/appointments").isProblem()).isTrue();
    }

    @Test
    void finding9_aTokenWithoutExpiryIsRefusedByTheServicesAndTheGatewayEvenWhenSignedByHr() {
        Staff advisor = Staff.login("advisor");
        ObjectNode claims = (ObjectNode) FlowSupport.claimsOf(advisor.token());
        String resigned = HrSigningKey.sign(claims.deepCopy());
        claims.remove("exp");
        String withoutExp = HrSigningKey.sign(claims);
        Api workshop = Api.at(RunningStack.direct(8083));
        assertThat(workshop.as(resigned).get("/api/v1/appointments").status()).as("the same claims re-signed, with exp").isEqualTo(200);
        Api.Response service = workshop.as(withoutExp).get("/api/v1/appointments");
        assertThat(service.status()).as("%s", service).isEqualTo(401);
        assertThat(service.isProblem()).isTrue();
        assertThat(RunningStack.gateway().as(withoutExp).get("/api/v1/appointments").status()).isEqualTo(401);
    }

    @Test
    void finding9_aCallerWithoutThePermissionGets403BeforeAnythingIsSaidAboutTheBody() {
        Api technician = Staff.login("technician").api();
        for (String body : List.of("{}", "{", "{\"code\":12345,\"$where\":\"1\"}")) {
            Api.Response refused = technician.post("/api/v1/positions", body);
            assertThat(refused.status()).as("%s -> %s", body, refused).isEqualTo(403);
            assertThat(refused.body()).doesNotContain("titleZh").doesNotContain("departmentCode");
            Api.Response direct = Api.at(RunningStack.direct(8081)).as(Staff.login("technician").token()).post("/api/v1/positions", body);
            assertThat(direct.status()).as("at hr's port: %s", direct).isEqualTo(403);
        }
    }

    @Test
    void finding9_hrKeepsItsPrivateSigningKeysEncryptedInItsDatabase() {
        RunningStack.ensureStarted();
        try (MongoClient mongo = MongoClients.create(RunningStack.MONGO)) {
            Document ring = mongo.getDatabase("forecourt-hr").getCollection("signing_keys").find().first();
            assertThat(ring).as("hr's key ring").isNotNull();
            List<Document> keys = ring.getList("keys", Document.class);
            assertThat(keys).isNotEmpty();
            for (Document key : keys) {
                String stored = key.getString("privateKey");
                assertThat(stored).startsWith("aes-gcm:");
                String sealed = stored.substring(stored.lastIndexOf(':') + 1);
                assertThat(readsAsPrivateKey(sealed)).as("the stored bytes are not a key").isFalse();
                assertThat(stored).doesNotContain(":MII"); // the start of a DER key in Base64
            }
        }
    }

    private static boolean readsAsPrivateKey(String base64) {
        try {
            KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void finding9_anOemThatRefusesASubmissionWith4xxLeavesTheClaimInSubmissionRefusedWithTheReason() throws IOException {
        Api warranty = Staff.login("warranty").api();
        String claimId = expect(warranty.post("/api/v1/warranty-claims", Desk.warrantyClaim("ro-e2e-refused-" + FlowSupport.lowerAlnum(6))), 201)
                .at("/id");
        // an OEM that refuses every claim, and a claims-service instance on the same data that submits to it
        HttpServer oem = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        oem.createContext("/", exchange -> {
            byte[] answer = "{\"code\":\"VIN_NOT_REGISTERED\",\"message\":\"The VIN is not registered to this dealer\"}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(422, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        oem.start();
        int port = freePort();
        Map<String, Object> settings = new HashMap<>();
        settings.put("forecourt.oem.url", "http://127.0.0.1:" + oem.getAddress().getPort());
        settings.put("forecourt.demo-data", "false");
        // this instance only submits the one claim: its resender must not touch the stack's other claims
        settings.put("forecourt.oem.resend-interval", "3650d");
        settings.put("forecourt.oem.resend-check-interval", "3650d");
        try (ConfigurableApplicationContext claims = RunningStack.stack().startVariant("claims-service", port, settings)) {
            Api.Response submitted = Api.at("http://127.0.0.1:" + port).as(Staff.login("warranty").token())
                    .post("/api/v1/warranty-claims/" + claimId + "/submit");
            assertThat(submitted.status()).as("%s", submitted).isEqualTo(200);
            assertThat(submitted.at("/status")).isEqualTo("SUBMISSION_REFUSED");
        } finally {
            oem.stop(0);
        }
        // through the gateway, the stack's own claims-service shows it refused with the OEM's reason, and does not send it again
        sleep(3_000);
        Api.Response claim = expect(warranty.get("/api/v1/warranty-claims/" + claimId), 200);
        assertThat(claim.at("/status")).isEqualTo("SUBMISSION_REFUSED");
        assertThat(claim.at("/submissionRefusal/httpStatus")).isEqualTo("422");
        assertThat(claim.at("/submissionRefusal/reasonCode")).isEqualTo("VIN_NOT_REGISTERED");
        assertThat(claim.at("/submissionRefusal/reason")).isEqualTo("The VIN is not registered to this dealer");
        assertThat(expect(warranty.get("/api/v1/warranty-claims?status=SUBMISSION_REFUSED&size=200"), 200).body()).contains(claimId);
    }

    // ------------------------------------------------------------------ helpers

    /** The claims of a genuine token with other permissions (to be signed again with hr's key). */
    private static ObjectNode withPermissions(String token, List<String> permissions) {
        ObjectNode claims = (ObjectNode) FlowSupport.claimsOf(token);
        var array = claims.putArray("permissions");
        permissions.forEach(array::add);
        return claims;
    }

    /**
     * hr's current signing key, read from hr's database and decrypted with the devstack's
     * key-encryption key — the marked development default, public in the repository; a real
     * installation sets its own ({@code FORECOURT_HR_KEY_ENCRYPTION_KEY}). Signs what hr would
     * never issue (no {@code exp}, {@code operations:read}), so that the tests show the verifiers'
     * own rules and not only the signature check.
     */
    static final class HrSigningKey {

        private static final String DEV_KEK = "ZGV2ZWxvcG1lbnQtb25seS1rZWstZG8tbm90LXVzZSE=";

        static String sign(ObjectNode claims) {
            RunningStack.ensureStarted();
            try (MongoClient mongo = MongoClients.create(RunningStack.MONGO)) {
                Document ring = mongo.getDatabase("forecourt-hr").getCollection("signing_keys").find().first();
                Document signer = ring.getList("keys", Document.class).stream().filter(k -> k.get("supersededAt") == null)
                        .max((a, b) -> a.getDate("createdAt").compareTo(b.getDate("createdAt"))).orElseThrow();
                String stored = signer.getString("privateKey");
                byte[] sealed = Base64.getDecoder().decode(stored.substring(stored.lastIndexOf(':') + 1));
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(DEV_KEK), "AES"),
                        new GCMParameterSpec(128, sealed, 0, 12));
                cipher.updateAAD(signer.getString("kid").getBytes(StandardCharsets.UTF_8)); // hr binds each key to its kid
                String pkcs8 = new String(cipher.doFinal(sealed, 12, sealed.length - 12), StandardCharsets.UTF_8);
                PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pkcs8)));
                Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
                String header = url.encodeToString(("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + signer.getString("kid") + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
                String payload = url.encodeToString(FlowSupport.json(claims).getBytes(StandardCharsets.UTF_8));
                Signature rsa = Signature.getInstance("SHA256withRSA");
                rsa.initSign(key);
                rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
                return header + "." + payload + "." + url.encodeToString(rsa.sign());
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException("could not sign with hr's key", e);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
