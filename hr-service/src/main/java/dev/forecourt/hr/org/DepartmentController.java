package dev.forecourt.hr.org;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springdoc.core.annotations.ParameterObject;
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

import dev.forecourt.hr.config.RequestValidation;
import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.ProblemException;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.paging.Page;
import dev.forecourt.platform.paging.Paging;
import dev.forecourt.platform.web.Versioned;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/departments")
@Tag(name = "Departments", description = "The store's departments (销售部, 售后服务部, …)")
class DepartmentController {

    record DepartmentRequest(
            @Pattern(regexp = PositionRequest.CODE, message = "must be lower-case kebab-case, e.g. after-sales") String code,
            @NotBlank @Size(max = 60) String nameZh,
            @NotBlank @Size(max = 120) String nameEn,
            Long version) {
    }

    record DepartmentView(String code, String nameZh, String nameEn, Long version) implements Versioned {
        static DepartmentView of(Department d) {
            return new DepartmentView(d.getCode(), d.getNameZh(), d.getNameEn(), d.getVersion());
        }
    }

    private final Departments departments;
    private final RequestValidation validation;

    DepartmentController(Departments departments, RequestValidation validation) {
        this.departments = departments;
        this.validation = validation;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('positions:read')")
    @Operation(summary = "All departments, by code", operationId = "listDepartments")
    Page<DepartmentView> list(@Valid @ParameterObject Paging paging) {
        return Page.of(departments.all().stream().map(DepartmentView::of).toList(), paging);
    }

    @GetMapping("/{code}")
    @PreAuthorize("hasAuthority('positions:read')")
    @Operation(summary = "One department (answers its ETag)", operationId = "getDepartment")
    DepartmentView get(@PathVariable String code) {
        return DepartmentView.of(departments.get(code));
    }

    @PostMapping
    @PreAuthorize("hasAuthority('positions:write')")
    @Operation(summary = "Add a department; raises DepartmentChanged", operationId = "createDepartment")
    ResponseEntity<DepartmentView> create(@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "A new one needs its code",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(allOf = DepartmentRequest.class, requiredProperties = "code")))
                        @RequestBody DepartmentRequest request, Actor actor) {
        validation.valid(request);
        if (request.code() == null) {
            throw ProblemException.invalid("A new department needs a code", new FieldProblem("code", "must not be null"));
        }
        Department created = departments.create(request.code(), request.nameZh(), request.nameEn(), actor);
        return ResponseEntity.created(URI.create("/api/v1/departments/" + created.getCode())).body(DepartmentView.of(created));
    }

    @PutMapping("/{code}")
    @PreAuthorize("hasAuthority('positions:write')")
    @Operation(summary = "Rename a department (version in the body or If-Match; stale → 409 version-conflict); raises DepartmentChanged",
            operationId = "renameDepartment")
    DepartmentView rename(@PathVariable String code, @RequestBody DepartmentRequest request,
                          @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch, Actor actor) {
        validation.valid(request);
        ExpectedVersion expected = ifMatch == null ? ExpectedVersion.of(request.version()) : ifMatch.or(request.version());
        return DepartmentView.of(departments.rename(code, expected, request.nameZh(), request.nameEn(), actor));
    }
}
