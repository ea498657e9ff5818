package dev.forecourt.platform.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.ForecourtServiceTest;
import dev.forecourt.platform.test.IncomingEvents;
import dev.forecourt.platform.test.TestTokens;

/** What an attacker or a careless client sends, and what every service answers: a clear refusal, nothing stored. */
@ForecourtServiceTest
class HostileInputTest {

    @LocalServerPort
    int port;

    Api creator() {
        return Api.at(port).as(PlatformBehaviourTest.TOKEN);
    }

    void refused(String body, String field) {
        Api.Response answer = creator().post("/api/v1/widgets", body);
        assertThat(answer.status()).as(body).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.at("/errors/0/field")).as(body).isEqualTo(field);
    }

    @Test
    void aTenMegabyteChunkedBodyIsRefusedWith413WithoutBeingRead() throws Exception {
        byte[] tenMegabytes = new byte[10 << 20];
        java.util.Arrays.fill(tenMegabytes, (byte) ' ');
        HttpRequest chunked = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/widgets"))
                .header("Authorization", "Bearer " + PlatformBehaviourTest.TOKEN)
                .header("Content-Type", "application/json")
                // an InputStream of unknown length goes out with Transfer-Encoding: chunked
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tenMegabytes)))
                .build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void unknownPropertiesAreRefusedNotIgnored() {
        refused("{\"name\":\"a\",\"quantity\":1,\"$where\":\"sleep(1000)\"}", "$where");
        refused("{\"name\":\"a\",\"quantity\":1,\"a.b\":1}", "a.b");
    }

    @Test
    void typesAreNotCoerced() {
        refused("{\"name\":12345,\"quantity\":1}", "name");
        refused("{\"name\":\"a\",\"quantity\":\"1\"}", "quantity");
        refused("{\"name\":\"a\",\"quantity\":1.5}", "quantity");
        refused("{\"name\":\"a\",\"quantity\":1,\"fragile\":1}", "fragile");
    }

    @Test
    void controlCharactersAreRefusedButTabAndNewlineAreFreeText() {
        refused("{\"name\":\"a\\u0000b\",\"quantity\":1}", "name");
        refused("{\"name\":\"a\\u001bb\",\"quantity\":1}", "name");
        assertThat(creator().post("/api/v1/widgets", "{\"name\":\"line one\\n\\tline two\",\"quantity\":1}").status()).isEqualTo(201);
    }

    @Test
    void moneyWithThreeDecimalsIsRefusedNotRounded() {
        Api.Response answer = creator().post("/api/v1/widgets",
                "{\"name\":\"a\",\"quantity\":1,\"price\":{\"amount\":1.005,\"currency\":\"CNY\"}}");
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.at("/type")).endsWith("/money-precision");
        assertThat(answer.at("/errors/0/field")).isEqualTo("price");
        assertThat(creator().post("/api/v1/widgets", "{\"name\":\"a\",\"quantity\":1,\"price\":{\"amount\":1e-400,\"currency\":\"CNY\"}}")
                .status()).isEqualTo(422);
        assertThat(creator().post("/api/v1/widgets", "{\"name\":\"a\",\"quantity\":1,\"price\":{\"amount\":1e15,\"currency\":\"CNY\"}}")
                .at("/type")).endsWith("/money-range");
    }

    @Test
    void yearsOfPlusOrMinusThreeHundredMillionAreRefusedWith400() {
        refused("{\"name\":\"a\",\"quantity\":1,\"madeOn\":\"+300000000-01-01\"}", "madeOn");
        Api.Response query = creator().get("/api/v1/widgets?madeAfter=-300000000-01-01");
        assertThat(query.status()).isEqualTo(400);
        assertThat(query.at("/errors/0/field")).isEqualTo("madeAfter");
    }

    @Test
    void aRawBodyIsReadAsItCameNotAsStrictJson() {
        Api.Response answer = creator().post("/api/v1/widgets/raw-notes", "{\"any\":\"thing\",\"$unknown\":1}");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("\"bytes\":28");
    }

    @Test
    void anOperatorSmuggledIntoAPagingParameterIsA400() {
        Api.Response answer = creator().get("/api/v1/widgets?page[$ne]=");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
    }

    @Test
    void xmlIsAnsweredUnsupportedMediaType() {
        Api.Response answer = creator().header("Content-Type", "application/xml")
                .send("POST", "/api/v1/widgets", null);
        assertThat(answer.status()).isIn(415);
    }

    @Test
    void aCallerWithoutThePermissionIsRefusedBeforeTheBodyIsValidated() {
        Api.Response answer = Api.at(port).as(TestTokens.staff("nosy", "sales-consultant")).post("/api/v1/widgets", "{\"nonsense\":true}");
        assertThat(answer.status()).isEqualTo(403);
    }

    @Test
    void aTokenWithoutExpiryIsRefused() {
        Api.Response answer = Api.at(port).as(TestTokens.withoutExpiry("hr", "hr-specialist", "widgets:create")).get("/api/v1/widgets");
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.contentType()).isEqualTo("application/problem+json;charset=UTF-8");
    }

    @Test
    void aDepartedEmployeesTokenIsRefusedWithinSeconds() {
        String username = "leaver-" + UUID.randomUUID().toString().substring(0, 8);
        String token = TestTokens.staff(username, "technician", "widgets:create");
        assertThat(Api.at(port).as(token).get("/api/v1/widgets").status()).isEqualTo(200);
        IncomingEvents.publish("forecourt.hr.employee-left.v1", "emp-" + username,
                "{\"employeeId\":\"emp-" + username + "\",\"username\":\"" + username + "\",\"leftOn\":\"2026-12-05\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> Api.at(port).as(token).get("/api/v1/widgets").status() == 401);
    }

    @Test
    void publicHealthSaysUpOnlyAndMetricsNeedTheOperationsPermission() {
        Api.Response health = Api.at(port).get("/actuator/health");
        assertThat(health.at("/status")).isEqualTo("UP");
        assertThat(health.json().has("components")).isFalse();
        assertThat(Api.at(port).get("/actuator/metrics").status()).isEqualTo(401);
        assertThat(creator().get("/actuator/metrics").status()).isEqualTo(403);
        assertThat(Api.at(port).as(TestTokens.staff("gm", "general-manager", "operations:read")).get("/actuator/metrics").status())
                .isEqualTo(200);
    }

    @Test
    void aMalformedRequestLineIsAnsweredProblemJsonNotHtml() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /api/v1/widgets?q=[x] HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400");
            assertThat(answer).contains("application/problem+json").doesNotContain("<html");
        }
    }

    @Test
    void aHeaderWithAControlCharacterIsRefusedByTheFirewallAndALatinLetterIsNot() throws IOException {
        // Tomcat reads header bytes as ISO-8859-1: 0x85 arrives as U+0085, a C1 control character; 0xE9 as é
        assertThat(rawGet(0x85)).startsWith("HTTP/1.1 400").contains("application/problem+json");
        assertThat(rawGet(0xE9)).startsWith("HTTP/1.1 200");
    }

    private String rawGet(int acceptByte) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/v1/widgets HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAuthorization: Bearer "
                    + TestTokens.staff("hr", "hr-specialist", "widgets:create") + "\r\nAccept: application/json;x=\"")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(acceptByte);
            out.write("\"\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
