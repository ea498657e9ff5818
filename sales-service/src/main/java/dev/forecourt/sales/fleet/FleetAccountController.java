package dev.forecourt.sales.fleet;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
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
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.paging.Page;
import dev.forecourt.platform.paging.Paging;
import dev.forecourt.platform.web.Versioned;
import dev.forecourt.sales.orders.SalesOrderView;
import dev.forecourt.sales.orders.SalesOrders;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/fleet-accounts")
@Tag(name = "Fleet accounts", description = "Fleet customers (大客户) with contacts and grade, and their sales orders")
class FleetAccountController {

    record FleetContactBody(@NotBlank @Size(max = 100) String name, @Size(max = 100) String role,
                       @NotBlank @Pattern(regexp = "1\\d{10}", message = "must be an 11-digit mobile number") String phone,
                       @Email @Size(max = 200) String email) {
        FleetAccount.FleetContact toContact() {
            return new FleetAccount.FleetContact(name, role, phone, email);
        }
    }

    record FleetAccountBody(@NotBlank @Size(max = 200) String name, @NotNull FleetAccount.Sector sector, @NotNull FleetAccount.Grade grade,
                       @Size(max = 18) String creditCode, @NotEmpty @Size(max = 20) List<@Valid @NotNull FleetContactBody> contacts,
                       @Size(max = 60) String accountManagerId, @Size(max = 100) String accountManagerName, @Size(max = 1000) String note,
                       Long version) {
        FleetAccount.Details toDetails(Actor actor) {
            String managerId = accountManagerId == null || accountManagerId.isBlank() ? actor.id() : accountManagerId;
            String managerName = accountManagerName == null || accountManagerName.isBlank()
                    ? (managerId.equals(actor.id()) ? actor.displayName() : null) : accountManagerName;
            return new FleetAccount.Details(name.trim(), sector, grade, creditCode, contacts.stream().map(FleetContactBody::toContact).toList(),
                    managerId, managerName, note);
        }
    }

    record FleetAccountView(String id, String name, FleetAccount.Sector sector, FleetAccount.Grade grade, String creditCode,
                            List<FleetAccount.FleetContact> contacts, String accountManagerId, String accountManagerName, String note,
                            FleetAccount.Status status, Instant openedAt, String openedBy, Instant changedAt, String changedBy,
                            Instant closedAt, Long version) implements Versioned {
        static FleetAccountView of(FleetAccount a) {
            FleetAccount.Details d = a.getDetails();
            return new FleetAccountView(a.getId(), d.name(), d.sector(), d.grade(), d.creditCode(), a.getContacts(), d.accountManagerId(),
                    d.accountManagerName(), d.note(), a.getStatus(), a.getOpenedAt(), a.getOpenedBy(), a.getChangedAt(), a.getChangedBy(),
                    a.getClosedAt(), a.getVersion());
        }
    }

    private final FleetAccounts accounts;
    private final SalesOrders orders;

    FleetAccountController(FleetAccounts accounts, SalesOrders orders) {
        this.accounts = accounts;
        this.orders = orders;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('fleet-accounts:write')")
    @Operation(summary = "Open a fleet account with its contacts and grade (A key, B regular, C occasional)", operationId = "openFleetAccount")
    ResponseEntity<FleetAccountView> open(@Valid @RequestBody FleetAccountBody body, Actor actor) {
        FleetAccount account = accounts.open(body.toDetails(actor), actor);
        return ResponseEntity.created(URI.create("/api/v1/fleet-accounts/" + account.getId())).body(FleetAccountView.of(account));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('fleet-accounts:write')")
    @Operation(summary = "Change a fleet account (name, sector, grade, contacts, account manager) as a whole", operationId = "changeFleetAccount")
    FleetAccountView change(@PathVariable String id, @Valid @RequestBody FleetAccountBody body,
                            @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch, Actor actor) {
        ExpectedVersion expected = ifMatch == null ? ExpectedVersion.of(body.version()) : ifMatch.or(body.version());
        return FleetAccountView.of(accounts.change(id, expected, body.toDetails(actor), actor));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasAuthority('fleet-accounts:write')")
    @Operation(summary = "Close a fleet account: kept with its orders, listed only with includeClosed, takes no new orders",
            operationId = "closeFleetAccount")
    @ApiResponse(responseCode = "204", description = "Closed")
    ResponseEntity<Void> close(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch,
                               Actor actor) {
        accounts.close(id, ifMatch == null ? ExpectedVersion.ANY : ifMatch, actor);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('sales-orders:read')")
    @Operation(summary = "A fleet account with its contacts; ETag is its version", operationId = "getFleetAccount")
    FleetAccountView get(@PathVariable String id) {
        return FleetAccountView.of(accounts.get(id));
    }

    @GetMapping
    @PreAuthorize("hasAuthority('sales-orders:read')")
    @Operation(summary = "Fleet accounts by grade and name; closed ones only with includeClosed", operationId = "listFleetAccounts")
    Page<FleetAccountView> list(@RequestParam(required = false) FleetAccount.Grade grade,
                                @RequestParam(required = false, defaultValue = "false") boolean includeClosed,
                                @Valid @ParameterObject Paging paging) {
        return accounts.list(grade, includeClosed, paging).map(FleetAccountView::of);
    }

    @GetMapping("/{id}/orders")
    @PreAuthorize("hasAuthority('sales-orders:read')")
    @Operation(summary = "The sales orders of a fleet account, newest first", operationId = "listFleetAccountOrders")
    Page<SalesOrderView> orders(@PathVariable String id, @Valid @ParameterObject Paging paging) {
        accounts.get(id);
        return orders.list(null, null, null, id, paging).map(SalesOrderView::of);
    }
}
