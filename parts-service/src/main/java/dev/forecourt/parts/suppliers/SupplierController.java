package dev.forecourt.parts.suppliers;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.web.Versioned;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/v1/suppliers")
@Tag(name = "Suppliers", description = "The OEM parts centre and local suppliers")
class SupplierController {

    record SupplierRequest(@Pattern(regexp = "[A-Za-z0-9-]{2,20}") String code, @NotBlank @Size(max = 120) String name,
                           @NotNull Supplier.Kind kind, @NotNull @PositiveOrZero @Max(365) Integer leadTimeDays, @NotNull Boolean genuineOem,
                           @Size(max = 200) String contact, Long version) {

        Supplier.Details details() {
            return new Supplier.Details(name, kind, leadTimeDays, genuineOem, contact);
        }
    }

    record SupplierView(String id, String name, Supplier.Kind kind, int leadTimeDays, boolean genuineOem, String contact,
                        Instant registeredAt, Long version) implements Versioned {
        static SupplierView of(Supplier s) {
            return new SupplierView(s.getId(), s.getName(), s.getKind(), s.getLeadTimeDays(), s.isGenuineOem(), s.getContact(),
                    s.getRegisteredAt(), s.getVersion());
        }
    }

    private final Suppliers suppliers;

    SupplierController(Suppliers suppliers) {
        this.suppliers = suppliers;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('suppliers:write')")
    @Operation(summary = "Register a supplier (code = its id)", operationId = "registerSupplier")
    ResponseEntity<SupplierView> register(@Valid @RequestBody SupplierRequest request, Actor actor) {
        if (request.code() == null) {
            throw dev.forecourt.platform.errors.ProblemException.invalid("A supplier needs its code",
                    new dev.forecourt.platform.errors.FieldProblem("code", "must not be null"));
        }
        Supplier supplier = suppliers.register(request.code(), request.details(), actor);
        return ResponseEntity.created(URI.create("/api/v1/suppliers/" + supplier.getId())).body(SupplierView.of(supplier));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('suppliers:write')")
    @Operation(summary = "Edit a supplier (If-Match or body version)", operationId = "editSupplier")
    SupplierView change(@PathVariable String id, @Valid @RequestBody SupplierRequest request,
                        @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch, Actor actor) {
        ExpectedVersion expected = ifMatch == null ? ExpectedVersion.of(request.version()) : ifMatch.or(request.version());
        return SupplierView.of(suppliers.change(id, request.details(), expected, actor));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('suppliers:read')")
    @Operation(summary = "One supplier", operationId = "getSupplier")
    SupplierView get(@PathVariable String id) {
        return SupplierView.of(suppliers.require(id));
    }

    @GetMapping
    @PreAuthorize("hasAuthority('suppliers:read')")
    @Operation(summary = "All suppliers by code", operationId = "listSuppliers")
    List<SupplierView> list() {
        return suppliers.all().stream().map(SupplierView::of).toList();
    }
}
