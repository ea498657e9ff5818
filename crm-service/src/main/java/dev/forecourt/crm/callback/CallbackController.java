package dev.forecourt.crm.callback;

import java.time.Instant;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.crm.web.Actor;
import dev.forecourt.crm.web.PageOf;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Tag(name = "Callbacks", description = "Follow-up, reminder, verification and reactivation calls")
@RestController
@RequestMapping("/api/v1/callbacks")
@Validated
class CallbackController {

    private final CallbackDesk desk;

    CallbackController(CallbackDesk desk) {
        this.desk = desk;
    }

    record NotReached(@Size(max = 500) String note) {
    }

    record Assignment(@NotBlank @Size(max = 64) String employeeId, @Size(max = 60) String name) {
    }

    @Operation(summary = "Callback tasks, earliest due first; dueBefore=<end of today> gives the day's work")
    @GetMapping
    @PreAuthorize("hasAuthority('callbacks:read')")
    PageOf<CallbackTask> list(@RequestParam(required = false) CallbackStatus status,
                              @RequestParam(required = false) CallbackKind kind,
                              @RequestParam(required = false) @Size(max = 64) String assigneeId,
                              @RequestParam(required = false) @Size(max = 64) String customerId,
                              @RequestParam(required = false) Instant dueBefore,
                              @RequestParam(defaultValue = "0") @Min(0) int page,
                              @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return desk.list(new CallbackDesk.Filter(status, kind, assigneeId, customerId, dueBefore), page, size);
    }

    @Operation(summary = "One callback task")
    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('callbacks:read')")
    CallbackTask get(@PathVariable String id) {
        return desk.require(id);
    }

    @Operation(summary = "Record a call that reached the customer: questionnaire, the customer's words, complaint and rework flags")
    @PostMapping("/{id}/complete")
    @PreAuthorize("hasAuthority('callbacks:perform')")
    CallbackTask complete(@PathVariable String id, @Valid @RequestBody CallbackOutcome outcome) {
        return desk.complete(id, outcome, Actor.currentStaff());
    }

    @Operation(summary = "Record a call that did not reach the customer: retried on another day, up to the configured attempts")
    @PostMapping("/{id}/not-reached")
    @PreAuthorize("hasAuthority('callbacks:perform')")
    CallbackTask notReached(@PathVariable String id, @Valid @RequestBody(required = false) NotReached request) {
        return desk.notReached(id, request == null ? null : request.note(), Actor.currentStaff());
    }

    @Operation(summary = "Give the task to another specialist")
    @PostMapping("/{id}/assign")
    @PreAuthorize("hasAuthority('callbacks:perform')")
    CallbackTask assign(@PathVariable String id, @Valid @RequestBody Assignment request) {
        return desk.assign(id, request.employeeId(), request.name());
    }
}
