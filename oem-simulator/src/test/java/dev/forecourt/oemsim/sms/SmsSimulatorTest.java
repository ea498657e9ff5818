package dev.forecourt.oemsim.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SmsSimulatorTest {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> post(String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sms/messages"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    String inbox(String phone) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sms/inbox?phone=" + phone)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void aMessageSentIsInThePhonesInboxOnceEvenWhenSentTwice() throws Exception {
        String json = "{\"messageId\":\"late-1\",\"phone\":\"13800000099\",\"text\":\"您的爱车预计延迟交付\",\"sender\":\"Forecourt\"}";
        HttpResponse<String> first = post(json);
        HttpResponse<String> again = post(json);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.body()).contains("\"status\":\"DELIVERED\"", "\"phone\":\"13800000099\"");
        assertThat(again.statusCode()).isEqualTo(200);
        String inbox = inbox("13800000099");
        assertThat(inbox).contains("您的爱车预计延迟交付");
        assertThat(inbox.split("\"messageId\"").length - 1).isEqualTo(1);
        assertThat(inbox("13800000098")).isEqualTo("{\"items\":[]}");
    }

    @Test
    void aMessageWithoutAPhoneIsRefused() throws Exception {
        assertThat(post("{\"text\":\"hi\"}").statusCode()).isEqualTo(400);
    }
}
