package dev.forecourt.sales.customers;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A buyer as the showroom knows them. Services identify a customer by mobile number (digits only),
 * so the phone is validated strictly.
 */
public record Customer(
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Pattern(regexp = "1\\d{10}", message = "must be an 11-digit mobile number") String phone) {

    /**
     * sales-service keeps no customer master (CRM does); a customer id derived from the phone lets
     * CRM match every order and delivery of the same person without a lookup.
     */
    public String customerId() {
        return "cust-" + phone;
    }
}
