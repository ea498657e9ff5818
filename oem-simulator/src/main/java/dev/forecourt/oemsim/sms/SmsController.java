package dev.forecourt.oemsim.sms;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A simulated SMS provider for the embedded stack: {@code POST /sms/messages} accepts a text for a
 * mobile number (201 when new, 200 for a repeated {@code messageId}), {@code GET /sms/inbox?phone=}
 * lists what was received, so a person or a test can read what a customer would have got.
 */
@RestController
public class SmsController {

    record Outgoing(@Size(max = 100) String messageId,
                    @NotBlank @Pattern(regexp = "\\+?\\d{6,15}") String phone,
                    @NotBlank @Size(max = 1000) String text,
                    @Size(max = 40) String sender) {
    }

    private final SmsInbox inbox;

    public SmsController(SmsInbox inbox) {
        this.inbox = inbox;
    }

    @PostMapping("/sms/messages")
    public ResponseEntity<SmsInbox.Received> send(@Valid @RequestBody Outgoing message) {
        SmsInbox.Accepted accepted = inbox.accept(message.messageId(), message.phone(), message.text(), message.sender());
        return ResponseEntity.status(accepted.isNew() ? HttpStatus.CREATED : HttpStatus.OK).body(accepted.message());
    }

    @GetMapping("/sms/inbox")
    public Map<String, List<SmsInbox.Received>> inbox(@RequestParam(required = false) String phone) {
        return Map.of("items", inbox.to(phone));
    }
}
