package dev.forecourt.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.core.ConditionFactory;

import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shared steps of the end-to-end flows: logging demo staff in through the gateway, making unique
 * and valid test data (VINs with their ISO 3779 check digit, mobile numbers), and the showroom and
 * workshop steps that more than one flow needs. Everything goes through the gateway with the
 * tokens real logins hand out.
 */
final class FlowSupport {

    static final ZoneId STORE_ZONE = ZoneId.of("Asia/Shanghai");
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int[] VIN_WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};
    private static final String LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";

    private FlowSupport() {
    }

    /** Awaitility with the generous limits an in-process stack on two cores needs. */
    static ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(45)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250));
    }

    // ---------------------------------------------------------------- people

    /** A member of staff logged in through the gateway: the token and who it says they are. */
    record Staff(String username, String token, Api api, String employeeId, String name, String position) {

        static Staff login(String username) {
            return login(username, "demo1234");
        }

        static Staff login(String username, String password) {
            return login(RunningStack.gateway(), username, password);
        }

        /**
         * Logged in through the gateway for a whole-flow test: every exchange of {@link #api()} checked against the
         * OpenAPI documents as {@code -Dforecourt.e2e.contract} says ({@link RunningStack#CONTRACT_MODE}).
         */
        static Staff inFlow(String username) {
            return inFlow(username, "demo1234");
        }

        static Staff inFlow(String username, String password) {
            return login(RunningStack.flowGateway(), username, password);
        }

        private static Staff login(Api gateway, String username, String password) {
            Api.Response login = gateway.post("/api/v1/auth/token",
                    "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
            assertThat(login.status()).as("login of %s: %s", username, login).isEqualTo(200);
            String token = login.at("/accessToken");
            JsonNode claims = claimsOf(token);
            return new Staff(username, token, gateway.as(token), claims.path("sub").asString(),
                    claims.path("name").asString(), claims.path("position").asString());
        }
    }

    /** The payload of a JWT (not verified: the test only reads what hr-service put in). */
    static JsonNode claimsOf(String jwt) {
        String[] parts = jwt.split("\\.");
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------- unique, valid data

    static String lowerAlnum(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(LOWER_ALNUM.charAt(RANDOM.nextInt(LOWER_ALNUM.length())));
        }
        return s.toString();
    }

    static String digits(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append((char) ('0' + RANDOM.nextInt(10)));
        }
        return s.toString();
    }

    /** An 11-digit mainland mobile number nobody else in the run uses. */
    static String mobile() {
        return "139" + digits(8);
    }

    /**
     * A fresh VIN of a Volkswagen built by SAIC-VW (WMI LSV), model year 2026 (T), with the check
     * digit of ISO 3779 computed here, independently of the services.
     */
    static String vin() {
        String withoutCheck = "LSVAB4BM" + "?" + "T" + "E" + digits(6);
        return withoutCheck.replace('?', vinCheckDigit(withoutCheck));
    }

    /** ISO 3779 check digit: transliterated characters times their weights, modulo 11, 10 written as X. */
    static char vinCheckDigit(String vin) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += transliterate(vin.charAt(i)) * VIN_WEIGHTS[i];
        }
        int remainder = sum % 11;
        return remainder == 10 ? 'X' : (char) ('0' + remainder);
    }

    private static int transliterate(char c) {
        if (c == '?') {
            return 0; // position 9 has weight 0: the check digit does not take part in its own sum
        }
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        String[] groups = {"AJ", "BKS", "CLT", "DMU", "ENV", "FW", "GPX", "HY", "RZ"};
        for (int value = 1; value <= groups.length; value++) {
            if (groups[value - 1].indexOf(c) >= 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("not a VIN character: " + c);
    }

    static String plate() {
        return "沪E" + digits(5);
    }

    static LocalDate storeToday() {
        return LocalDate.now(STORE_ZONE);
    }

    /** Whether an instant lies in one of the store's call windows, 10:00–12:00 or 15:00–18:00 Asia/Shanghai. */
    static boolean inCallWindow(Instant at) {
        LocalTime t = at.atZone(STORE_ZONE).toLocalTime();
        return !t.isBefore(LocalTime.of(10, 0)) && t.isBefore(LocalTime.of(12, 0))
                || !t.isBefore(LocalTime.of(15, 0)) && t.isBefore(LocalTime.of(18, 0));
    }

    /** The end of the call window an instant lies in. */
    static Instant endOfWindow(Instant at) {
        ZonedDateTime local = at.atZone(STORE_ZONE);
        LocalTime end = local.toLocalTime().isBefore(LocalTime.of(12, 0)) ? LocalTime.of(12, 0) : LocalTime.of(18, 0);
        return local.with(end).toInstant();
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    // ---------------------------------------------------------------- showroom

    /** A vehicle sold and delivered through the showroom's steps; what the flows after it need. */
    record Delivered(String vin, String model, String salesOrderId, String customerName, String customerPhone,
                     Instant deliveredAt, int odometerKm) {
    }

    /** Receives a new VIN, passes its PDI, sells it to a new customer and delivers it. */
    static Delivered receiveSellAndDeliver(String customerName) {
        Staff stockadmin = Staff.inFlow("stockadmin");
        Staff consultant = Staff.inFlow("sales");
        String vin = vin();
        String phone = mobile();
        expect(stockadmin.api().post("/api/v1/vehicles", """
                {"vin":"%s","brand":"Volkswagen","model":"Tiguan L","trim":"330TSI 2WD Elite","colour":"Oryx White",
                 "listPrice":{"amount":219900.00,"currency":"CNY"},"keys":2,
                 "documents":["certificate of conformity","vehicle invoice"],"accessories":["floor mats"]}
                """.formatted(vin)), 201);
        expect(stockadmin.api().post("/api/v1/vehicles/" + vin + "/pdi", "{\"passed\":true,\"findings\":[]}"), 200);
        Api.Response order = expect(consultant.api().post("/api/v1/sales-orders", """
                {"customer":{"name":"%s","phone":"%s"},"vin":"%s"}""".formatted(customerName, phone, vin)), 201);
        String orderId = order.at("/id");
        expect(consultant.api().post("/api/v1/sales-orders/" + orderId + "/confirm"), 200);
        Api.Response paid = expect(consultant.api().post("/api/v1/sales-orders/" + orderId + "/payments", """
                {"kind":"BALANCE","method":"BANK_TRANSFER","amount":{"amount":%s,"currency":"CNY"}}"""
                .formatted(order.at("/balanceDue/amount"))), 200);
        assertThat(paid.at("/status")).isEqualTo("PAID");
        Api.Response delivered = expect(consultant.api().post("/api/v1/sales-orders/" + orderId + "/delivery", "{\"odometerKm\":8}"), 200);
        return new Delivered(vin, "Tiguan L", orderId, customerName, phone, Instant.parse(delivered.at("/delivery/deliveredAt")), 8);
    }

    // ---------------------------------------------------------------- workshop

    /** The employee id hr-service announced for a username (EmployeeHired on forecourt.hr.events). */
    static String hiredEmployeeId(String username) {
        try (EventProbe hr = EventProbe.on(RunningStack.KAFKA, "forecourt.hr.events")) {
            return hr.await(e -> e.type().equals("forecourt.hr.employee-hired.v1") && username.equals(e.data().path("username").asString()),
                    "EmployeeHired of " + username).data().path("employeeId").asString();
        }
    }

    /** Waits until the workshop's roster (learnt from hr events) lists the technician as active. */
    static void awaitOnWorkshopRoster(Staff foreman, String technicianId) {
        eventually().untilAsserted(() -> {
            Api.Response roster = expect(foreman.api().get("/api/v1/workshop/technicians"), 200);
            boolean active = false;
            for (JsonNode t : roster.json()) {
                if (technicianId.equals(t.path("employeeId").asString()) && t.path("active").asBoolean()) {
                    active = true;
                }
            }
            assertThat(active).as("technician %s active on the workshop roster: %s", technicianId, roster.body()).isTrue();
        });
    }

    /**
     * The supervisor dispatches a job to a free bay. Other orders of the stack (demo data, other
     * tests) may hold the technician or every bay for a moment: waits until both are free.
     */
    static Api.Response dispatch(Staff foreman, String repairOrderId, String jobId, String technicianId) {
        AtomicReference<Api.Response> answer = new AtomicReference<>();
        eventually().until(() -> {
            String bay = freeBay(foreman);
            if (bay == null) {
                return false;
            }
            Api.Response r = foreman.api().post("/api/v1/repair-orders/" + repairOrderId + "/jobs/" + jobId + "/dispatch",
                    "{\"technicianId\":\"" + technicianId + "\",\"bayId\":\"" + bay + "\"}");
            if (r.status() == 409 && "OCCUPIED".equals(r.at("/currentState"))) {
                return false;
            }
            answer.set(r);
            return true;
        });
        return expect(answer.get(), 200);
    }

    private static String freeBay(Staff foreman) {
        Api.Response board = expect(foreman.api().get("/api/v1/workshop/board"), 200);
        for (JsonNode bay : board.json().path("bays")) {
            if (bay.path("repairOrderId").isNull() || bay.path("repairOrderId").isMissingNode()) {
                return bay.path("bayId").asString();
            }
        }
        return null;
    }

    /** The technician starts and finishes a dispatched job with a passed self-check. */
    static void work(Staff technician, String repairOrderId, String jobId) {
        expect(technician.api().post("/api/v1/repair-orders/" + repairOrderId + "/jobs/" + jobId + "/start"), 200);
        Api.Response finished = expect(technician.api().post("/api/v1/repair-orders/" + repairOrderId + "/jobs/" + jobId + "/finish",
                "{\"selfCheckPassed\":true,\"selfCheckNotes\":\"torque checked, road test ok\"}"), 200);
        assertThat(jobStatus(finished, jobId)).isEqualTo("FINISHED");
    }

    static String jobStatus(Api.Response order, String jobId) {
        for (JsonNode job : order.json().path("jobs")) {
            if (jobId.equals(job.path("id").asString())) {
                return job.path("status").asString();
            }
        }
        throw new AssertionError("no job " + jobId + " in " + order.body());
    }

    /** Asserts the status and returns the response, with the body in the failure message. */
    static Api.Response expect(Api.Response response, int status) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        return response;
    }
}
