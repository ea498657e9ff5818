package dev.forecourt.crm.customer;

import java.net.URI;
import java.time.Clock;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.crm.web.Actor;
import dev.forecourt.crm.web.PageOf;
import dev.forecourt.platform.errors.ProblemException;
import dev.forecourt.platform.store.ForecourtProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Tag(name = "Customers", description = "Customer profiles: contacts, consent, vehicles, purchase and repair history, club")
@RestController
@RequestMapping("/api/v1/customers")
@Validated
class CustomerController {

    private final CustomerDirectory directory;
    private final ForecourtProperties store;
    private final Clock clock;

    CustomerController(CustomerDirectory directory, ForecourtProperties store, Clock clock) {
        this.directory = directory;
        this.store = store;
        this.clock = clock;
    }

    record NewCustomer(@NotBlank @Size(max = 60) String name,
                       @NotBlank @Pattern(regexp = "\\+?\\d{6,15}") String phone,
                       @Valid Contacts contacts, @NotNull Boolean callConsent, @Valid ClubMembership club) {
    }

    record CustomerEdit(@NotNull Long version, @NotBlank @Size(max = 60) String name, @Valid Contacts contacts,
                        @NotNull Boolean callConsent, @Valid ClubMembership club) {
    }

    @Operation(summary = "Search customers by phone, name or status")
    @GetMapping
    @PreAuthorize("hasAuthority('customers:read')")
    PageOf<Customer> list(@RequestParam(required = false) @Size(max = 20) String phone,
                          @RequestParam(required = false) @Size(max = 60) String name,
                          @RequestParam(required = false) CustomerStatus status,
                          @RequestParam(defaultValue = "0") @Min(0) int page,
                          @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return directory.list(phone, name, status, page, size);
    }

    @Operation(summary = "One customer's profile")
    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('customers:read')")
    Customer get(@PathVariable String id) {
        return directory.require(id);
    }

    @Operation(summary = "Register a customer who has not bought or visited yet")
    @PostMapping
    @PreAuthorize("hasAuthority('customers:write')")
    ResponseEntity<Customer> create(@Valid @RequestBody NewCustomer request) {
        if (directory.findByPhone(request.phone()).isPresent()) {
            throw ProblemException.conflict("duplicate", "Already exists", "A customer with phone " + request.phone() + " exists");
        }
        Actor actor = Actor.currentStaff();
        Customer customer = Customer.registered(store.storeId(), request.name(), request.phone(), request.contacts(),
                request.callConsent(), actor.id(), clock.instant());
        if (request.club() != null) {
            customer.edit(request.name(), request.contacts(), request.callConsent(), request.club(), actor.id(), clock.instant());
        }
        Customer saved = directory.save(customer);
        return ResponseEntity.created(URI.create("/api/v1/customers/" + saved.getId())).body(saved);
    }

    @Operation(summary = "Edit contacts, consent to be called and club membership (optimistic locking by version)")
    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('customers:write')")
    Customer edit(@PathVariable String id, @Valid @RequestBody CustomerEdit request) {
        Customer customer = directory.require(id);
        if (!request.version().equals(customer.getVersion())) {
            throw ProblemException.conflict("version-conflict", "Changed by someone else",
                    "Customer " + id + " is at version " + customer.getVersion() + ", not " + request.version())
                    .with("currentVersion", customer.getVersion());
        }
        customer.edit(request.name(), request.contacts(), request.callConsent(), request.club(), Actor.currentStaff().id(), clock.instant());
        return directory.save(customer);
    }
}
