package dev.forecourt.crm.message;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.crm.customer.Customers;
import dev.forecourt.platform.paging.Page;
import dev.forecourt.platform.paging.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Tag(name = "Customer messages", description = "Texts to customers (late vehicle, appointments, maintenance invitations) and their delivery status")
@RestController
@RequestMapping("/api/v1/customer-messages")
class CustomerMessageController {

    private final CustomerMessages messages;

    CustomerMessageController(CustomerMessages messages) {
        this.messages = messages;
    }

    @Operation(summary = "Texts to customers, newest first, by customer, phone, status or kind", operationId = "listCustomerMessages")
    @GetMapping
    @PreAuthorize("hasAuthority('customer-messages:read')")
    Page<CustomerMessageView> list(@RequestParam(required = false) @Size(max = 64) String customerId,
                                   @RequestParam(required = false) @Size(max = 20)
                                   @Pattern(regexp = Customers.PHONE_FILTER, message = "expected digits of a phone number") String phone,
                                   @RequestParam(required = false) MessageStatus status,
                                   @RequestParam(required = false) MessageKind kind,
                                   @Valid @ParameterObject Paging paging) {
        return messages.list(new CustomerMessages.Filter(customerId, phone, status, kind), paging).map(CustomerMessageView::of);
    }

    @Operation(summary = "One text with its delivery status", operationId = "getCustomerMessage")
    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('customer-messages:read')")
    CustomerMessageView get(@PathVariable String id) {
        return CustomerMessageView.of(messages.require(id));
    }
}
