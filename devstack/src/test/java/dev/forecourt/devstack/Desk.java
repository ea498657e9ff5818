package dev.forecourt.devstack;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;

import dev.forecourt.platform.test.Api;

/**
 * The front-desk writes the fault scenarios make through the gateway, with valid data on cars
 * and customers of their own (never the demo VINs and phones other end-to-end tests look at): opening a repair order and taking it to handover, creating a lead,
 * receiving parts, entering and submitting a warranty claim.
 */
final class Desk {

    private static final String[] BAYS = {"B1", "B2", "B3", "B4", "B5", "B6"};

    private Desk() {
    }

    /** An 11-digit mobile number nobody else in this run uses (so CRM finds one customer per test). */
    static String newPhone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    static String openRepairOrder(int n, String phone, String partNumber) {
        String parts = partNumber == null ? "" : ",\"partsLines\":[{\"jobIndex\":0,\"partNumber\":\"" + partNumber
                + "\",\"description\":\"oil filter\",\"quantity\":1}]";
        return "{\"vehicle\":{\"vin\":\"" + newVin() + "\",\"plate\":\"沪F" + String.format("%05d", n % 100_000)
                + "\",\"brand\":\"Volkswagen\",\"model\":\"Lavida\"},"
                + "\"customer\":{\"name\":\"故障测试 " + n + "\",\"phone\":\"" + phone + "\"},\"odometerInKm\":" + (10_000 + n)
                + ",\"complaint\":\"10,000 km service\",\"walkAround\":{\"exterior\":\"ok\",\"interior\":\"ok\",\"valuables\":\"none\"},"
                + "\"promisedAt\":\"" + Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS) + "\","
                + "\"jobs\":[{\"labourOperationCode\":\"MNT-10K\",\"description\":\"10,000 km service\",\"hours\":1.0,\"payType\":\"CUSTOMER\"}]"
                + parts + "}";
    }

    static String lead(int n, String phone) {
        return "{\"customer\":{\"name\":\"线索 " + n + "\",\"phone\":\"" + phone + "\"},\"source\":\"WALK_IN\","
                + "\"interest\":{\"model\":\"Tiguan L\",\"notes\":\"fault test " + n + "\"}}";
    }

    /** A new stock vehicle with a unique, valid VIN. */
    static String vehicle(String vin) {
        return "{\"vin\":\"" + vin + "\",\"brand\":\"Volkswagen\",\"model\":\"Lavida\",\"trim\":\"Comfort\",\"colour\":\"white\","
                + "\"listPrice\":{\"amount\":129900.00,\"currency\":\"CNY\"},\"keys\":2}";
    }

    /** A VIN {@code LSVAB4BM?RN} + six random digits, with its check digit (ISO 3779) in place of the ?. */
    static String newVin() {
        String serial = String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        String vin = "LSVAB4BM0RN" + serial;
        String values = "0123456789.ABCDEFGH.JKLMN.P.R..STUVWXYZ";
        int[] transliteration = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 0, 1, 2, 3, 4, 5, 0, 7, 0, 9, 0, 0,
                2, 3, 4, 5, 6, 7, 8, 9};
        int[] weights = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += transliteration[values.indexOf(vin.charAt(i))] * weights[i];
        }
        int check = sum % 11;
        return vin.substring(0, 8) + (check == 10 ? "X" : Integer.toString(check)) + vin.substring(9);
    }

    static String goodsReceipt(String deliveryNote, String partNumber, int quantity) {
        return "{\"supplier\":\"FAW-VW parts centre\",\"deliveryNote\":\"" + deliveryNote + "\",\"lines\":[{\"partNumber\":\""
                + partNumber + "\",\"delivered\":" + quantity + ",\"accepted\":" + quantity + ",\"rejected\":0}]}";
    }

    static String warrantyClaim(String repairOrderId) {
        return "{\"vin\":\"" + newVin() + "\",\"brand\":\"Volkswagen\",\"model\":\"Tiguan L\",\"repairOrderId\":\"" + repairOrderId
                + "\",\"orderNumber\":\"" + repairOrderId.toUpperCase() + "\",\"odometerKm\":12000,\"failureDate\":\""
                + java.time.LocalDate.now().minusDays(3) + "\",\"handedOverAt\":\"" + Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS)
                + "\",\"warrantyStartDate\":\"" + java.time.LocalDate.now().minusYears(1) + "\",\"complaint\":\"engine warning light on\","
                + "\"cause\":\"ignition coil failed internally\",\"correction\":\"replaced the ignition coil\","
                + "\"labourOperations\":[{\"code\":\"ENG-01\",\"description\":\"replace coil\",\"hours\":0.5}],"
                + "\"parts\":[{\"partNumber\":\"04E905612C\",\"description\":\"spark plug\",\"quantity\":1,"
                + "\"unitPrice\":{\"amount\":95.50,\"currency\":\"CNY\"}}],\"causalPartNumber\":\"04E905612C\",\"roadService\":false}";
    }

    /** The demo technician's employee id, as the workshop's roster knows it. */
    static String technicianId(Api gm) {
        Api.Response roster = expect(gm.get("/api/v1/workshop/technicians"), 200);
        for (var technician : roster.json()) {
            if ("technician".equals(technician.path("username").asString())) {
                return technician.path("employeeId").asString();
            }
        }
        throw new AssertionError("The workshop does not know the demo technician: " + roster);
    }

    /**
     * Opens a repair order and takes it through estimate approval, dispatch, work, quality check
     * and handover (every step through the gateway). Returns its id.
     */
    static String repairOrderHandedOver(Api gm, Api technician, String technicianId, int n, String phone) {
        Api.Response opened = expect(gm.post("/api/v1/repair-orders", openRepairOrder(n, phone, null)), 201);
        String id = opened.at("/id");
        String job = opened.at("/jobs/0/id");
        String order = "/api/v1/repair-orders/" + id;
        expect(gm.post(order + "/approve-estimate", "{\"approvedVia\":\"signature\"}"), 200);
        dispatch(gm, order + "/jobs/" + job + "/dispatch", technicianId);
        expect(technician.post(order + "/jobs/" + job + "/start"), 200);
        expect(technician.post(order + "/jobs/" + job + "/finish", "{\"selfCheckPassed\":true}"), 200);
        expect(gm.post(order + "/quality-check", "{\"passed\":true}"), 200);
        Api.Response bill = expect(gm.get(order + "/bill"), 200);
        expect(gm.post(order + "/payments", "{\"method\":\"CASH\",\"amount\":" + bill.json().get("outstanding").toString() + "}"), 201);
        expect(gm.post(order + "/handover", "{\"odometerOutKm\":" + (10_010 + n) + ",\"workExplained\":true}"), 200);
        return id;
    }

    private static void dispatch(Api gm, String path, String technicianId) {
        Api.Response last = null;
        for (String bay : BAYS) {
            last = gm.post(path, "{\"technicianId\":\"" + technicianId + "\",\"bayId\":\"" + bay + "\"}");
            if (last.status() == 200) {
                return;
            }
        }
        throw new AssertionError("No bay free for " + path + ": " + last);
    }

    static Api.Response expect(Api.Response response, int status) {
        if (response.status() != status) {
            throw new AssertionError("Expected " + status + " but got " + response);
        }
        return response;
    }
}
