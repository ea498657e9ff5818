package dev.forecourt.crm.callback;

import java.time.Instant;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.paging.Page;
import dev.forecourt.platform.paging.Paging;
import dev.forecourt.platform.security.Staff;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Tag(name = "Callbacks", description = "Follow-up, reminder, verification and reactivation calls")
@RestController
@RequestMapping("/api/v1/callbacks")
class CallbackController {

    static final String ASSIGN = "callbacks:assign";

    private final CallbackTasks tasks;
    private final CallbackDesk desk;

    CallbackController(CallbackTasks tasks, CallbackDesk desk) {
        this.tasks = tasks;
        this.desk = desk;
    }

    record NotReached(@Size(max = 500) String note) {
    }

    record CallbackAssignment(@NotBlank @Size(max = 64) String employeeId, @Size(max = 60) String name) {
    }

    @Operation(summary = "Callback tasks, earliest due first; dueBefore=<end of today> gives the day's work", operationId = "listCallbacks")
    @GetMapping
    @PreAuthorize("hasAuthority('callbacks:read')")
    Page<CallbackView> list(@RequestParam(required = false) CallbackStatus status,
                            @RequestParam(required = false) CallbackKind kind,
                            @RequestParam(required = false) @Size(max = 64) String assigneeId,
                            @RequestParam(required = false) @Size(max = 64) String customerId,
                            @RequestParam(required = false) Instant dueBefore,
                            @Valid @ParameterObject Paging paging) {
        return tasks.list(new CallbackTasks.Filter(status, kind, assigneeId, customerId, dueBefore), paging).map(CallbackView::of);
    }

    @Operation(summary = "One callback task (ETag = its version)", operationId = "getCallback")
    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('callbacks:read')")
    CallbackView get(@PathVariable String id) {
        return CallbackView.of(tasks.require(id));
    }

    @Operation(summary = "Record a call that reached the customer: questionnaire, the customer's words, complaint and rework flags",
            operationId = "completeCallback")
    @PostMapping("/{id}/complete")
    @PreAuthorize("hasAuthority('callbacks:perform')")
    CallbackView complete(@PathVariable String id, @Valid @RequestBody CallbackOutcome outcome,
                          @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch, Actor actor) {
        requireMayPerform(id, actor);
        return CallbackView.of(desk.complete(id, orAny(ifMatch), outcome, actor));
    }

    @Operation(summary = "Record a call that did not reach the customer: retried on another day, up to the configured attempts",
            operationId = "callbackNotReached")
    @PostMapping("/{id}/not-reached")
    @PreAuthorize("hasAuthority('callbacks:perform')")
    CallbackView notReached(@PathVariable String id, @Valid @RequestBody(required = false) NotReached request,
                            @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch, Actor actor) {
        requireMayPerform(id, actor);
        return CallbackView.of(desk.notReached(id, orAny(ifMatch), request == null ? null : request.note(), actor));
    }

    @Operation(summary = "Give the task to another specialist; a consultant's 7-day call is arranged by whoever holds callbacks:assign "
            + "(showroom supervisor)", operationId = "assignCallback")
    @PostMapping("/{id}/assign")
    @PreAuthorize("hasAnyAuthority('callbacks:perform', 'callbacks:assign')")
    CallbackView assign(@PathVariable String id, @Valid @RequestBody CallbackAssignment request,
                        @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch) {
        Staff staff = Staff.require();
        if (!staff.may(ASSIGN) && (!staff.may("callbacks:perform") || tasks.require(id).getKind() == CallbackKind.SEVEN_DAY_CALL)) {
            throw new AccessDeniedException("A consultant's 7-day call is arranged by whoever holds " + ASSIGN);
        }
        return CallbackView.of(desk.assign(id, orAny(ifMatch), request.employeeId(), request.name()));
    }

    /** A consultant's 7-day call is made by that consultant, or by whoever arranges them (callbacks:assign). */
    private void requireMayPerform(String id, Actor actor) {
        CallbackTask task = tasks.require(id);
        if (task.getKind() == CallbackKind.SEVEN_DAY_CALL && task.getAssigneeId() != null && !task.getAssigneeId().equals(actor.id())
                && !Staff.require().may(ASSIGN)) {
            throw new AccessDeniedException("This 7-day call is " + task.getAssigneeName() + "'s");
        }
    }

    private static ExpectedVersion orAny(ExpectedVersion ifMatch) {
        return ifMatch == null ? ExpectedVersion.ANY : ifMatch;
    }
}
