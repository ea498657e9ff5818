package dev.forecourt.crm.customer;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** How to reach a customer besides the mobile number that identifies them. */
public record Contacts(
        @Size(max = 5) List<@Pattern(regexp = "\\d{6,15}") String> otherPhones,
        @Size(max = 64) String wechat,
        @Email @Size(max = 120) String email,
        @Size(max = 300) String address) {

    public static Contacts none() {
        return new Contacts(List.of(), null, null, null);
    }

    public Contacts {
        otherPhones = otherPhones == null ? List.of() : List.copyOf(otherPhones);
    }
}
