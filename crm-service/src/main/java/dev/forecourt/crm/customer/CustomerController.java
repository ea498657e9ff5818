package dev.forecourt.crm.customer;

import java.net.URI;
import java.time.Clock;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.ProblemException;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.paging.Page;
import dev.forecourt.platform.paging.Paging;
import dev.forecourt.platform.store.ForecourtProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Tag(name = "Customers", description = "Customer profiles: contacts, consent, vehicles, purchase and repair history, club")
@RestController
@RequestMapping("/api/v1/customers")
class CustomerController {

    private final Customers customers;
    private final AggregateStore aggregates;
    private final ForecourtProperties store;
    private final Clock clock;

    CustomerController(Customers customers, AggregateStore aggregates, ForecourtProperties store, Clock clock) {
        this.customers = customers;
        this.aggregates = aggregates;
        this.store = store;
        this.clock = clock;
    }

    /** @param messageConsent SMS and letters; when left out, the same as {@code callConsent} */
    record NewCustomer(@NotBlank @Size(max = 60) String name,
                       @NotBlank @Pattern(regexp = "\\+?\\d{6,15}") String phone,
                       @Valid Contacts contacts, @NotNull Boolean callConsent, Boolean messageConsent,
                       @Valid ClubMembership club) {
    }

    /**
     * @param version        the version read (or send {@code If-Match}); left out, the edit applies to the current one
     * @param messageConsent left out, unchanged
     */
    record CustomerEdit(Long version, @NotBlank @Size(max = 60) String name, @Valid Contacts contacts,
                        @NotNull Boolean callConsent, Boolean messageConsent, @Valid ClubMembership club) {
    }

    @Operation(summary = "Search customers by phone, name or status", operationId = "listCustomers")
    @GetMapping
    @PreAuthorize("hasAuthority('customers:read')")
    Page<CustomerView> list(@Parameter(description = "Digits of the mobile (all or part of it; spaces, hyphens and a leading + allowed)")
                            @RequestParam(required = false) @Size(max = 20) @Pattern(regexp = Customers.PHONE_FILTER, message = "expected digits of a phone number") String phone,
                            @RequestParam(required = false) @Size(max = 60) String name,
                            @RequestParam(required = false) CustomerStatus status,
                            @Valid @ParameterObject Paging paging) {
        return customers.list(phone, name, status, paging).map(CustomerView::of);
    }

    @Operation(summary = "One customer's profile (ETag = its version)", operationId = "getCustomer")
    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('customers:read')")
    CustomerView get(@PathVariable String id) {
        return CustomerView.of(customers.require(id));
    }

    @Operation(summary = "Register a customer who has not bought or visited yet", operationId = "registerCustomer")
    @PostMapping
    @PreAuthorize("hasAuthority('customers:write')")
    ResponseEntity<CustomerView> create(@Valid @RequestBody NewCustomer request, Actor actor) {
        if (customers.findByPhone(request.phone()).isPresent()) {
            throw duplicate(request.phone());
        }
        Customer customer = Customer.registered(store.storeId(), request.name(), request.phone(), request.contacts(),
                request.callConsent(), request.messageConsent() == null ? request.callConsent() : request.messageConsent(),
                request.club(), "STAFF", actor, clock.instant());
        try {
            Customer saved = aggregates.insert(customer);
            return ResponseEntity.created(URI.create("/api/v1/customers/" + saved.getId())).body(CustomerView.of(saved));
        } catch (DuplicateKeyException registeredMeanwhile) {
            throw duplicate(request.phone());
        }
    }

    @Operation(summary = "Edit name, contacts, consents and club membership; If-Match (or the body's version) guards against lost updates",
            operationId = "editCustomer")
    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('customers:write')")
    CustomerView edit(@PathVariable String id, @Valid @RequestBody CustomerEdit request,
                      @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch, Actor actor) {
        ExpectedVersion expected = ifMatch == null ? ExpectedVersion.of(request.version()) : ifMatch.or(request.version());
        return CustomerView.of(aggregates.change(Customer.class, id, expected, customer -> customer.edit(request.name(),
                request.contacts(), request.callConsent(), request.messageConsent(), request.club(), actor, clock.instant())));
    }

    private static ProblemException duplicate(String phone) {
        return ProblemException.conflict("duplicate", "Already exists", "A customer with phone " + phone + " exists");
    }
}
