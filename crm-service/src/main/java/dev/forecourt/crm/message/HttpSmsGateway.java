package dev.forecourt.crm.message;

import java.net.http.HttpClient;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/** The SMS provider over HTTP: {@code POST <forecourt.crm.messages.sms-base-url>/sms/messages}. */
@Component
class HttpSmsGateway implements SmsGateway {

    record Sent(String id, String status) {
    }

    private final RestClient http;
    private final String sender;

    HttpSmsGateway(MessageProperties properties) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.timeout()).build());
        requests.setReadTimeout(properties.timeout());
        this.http = RestClient.builder().baseUrl(properties.smsBaseUrl()).requestFactory(requests).build();
        this.sender = properties.sender();
    }

    @Override
    public Result send(String messageId, String phone, String text) {
        try {
            Sent sent = http.post().uri("/sms/messages").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("messageId", messageId, "phone", phone, "text", text, "sender", sender))
                    .retrieve().body(Sent.class);
            return Result.accepted(sent == null ? null : sent.id());
        } catch (HttpClientErrorException refused) {
            boolean permanent = refused.getStatusCode().value() != 429 && refused.getStatusCode().value() != 408;
            return Result.failed("provider answered " + refused.getStatusCode().value(), permanent);
        } catch (RestClientException unavailable) {
            return Result.failed("provider unavailable: " + unavailable.getMessage(), false);
        }
    }
}
