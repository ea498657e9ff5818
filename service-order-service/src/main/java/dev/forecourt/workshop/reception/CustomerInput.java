package dev.forecourt.workshop.reception;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.forecourt.workshop.repairorder.Customer;

/**
 * A customer as typed by the advisor; the mobile number, digits only, is how other services find them,
 * and the shared customer id ({@code cust-<digits>}) is derived from it (a {@code customerId} sent is ignored).
 */
public record CustomerInput(@Size(max = 64) String customerId, @NotBlank @Size(max = 100) String name,
                            @NotBlank @Pattern(regexp = "1\\d{10}", message = "must be an 11-digit mobile number") String phone) {

    public Customer toCustomer() {
        return Customer.of(name.strip(), phone);
    }
}
