package dev.forecourt.hr.org;

import java.net.URI;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
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

import dev.forecourt.hr.web.Page;
import dev.forecourt.hr.web.RequestValidation;
import dev.forecourt.hr.web.Versions;
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.ProblemException;
import dev.forecourt.platform.store.ForecourtProperties;
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

    record DepartmentView(String code, String nameZh, String nameEn, Long version) {
        static DepartmentView of(Department d) {
            return new DepartmentView(d.getCode(), d.getNameZh(), d.getNameEn(), d.getVersion());
        }
    }

    private final MongoTemplate mongo;
    private final ForecourtProperties store;

    private final RequestValidation validation;

    DepartmentController(MongoTemplate mongo, ForecourtProperties store, RequestValidation validation) {
        this.validation = validation;
        this.mongo = mongo;
        this.store = store;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('positions:read')")
    @Operation(summary = "All departments, by code")
    Page<DepartmentView> list() {
        List<DepartmentView> all = mongo.find(new Query().with(Sort.by("_id")), Department.class).stream().map(DepartmentView::of).toList();
        return new Page<>(all, 0, all.size(), all.size());
    }

    @GetMapping("/{code}")
    @PreAuthorize("hasAuthority('positions:read')")
    DepartmentView get(@PathVariable String code) {
        return DepartmentView.of(find(code));
    }

    @PostMapping
    @PreAuthorize("hasAuthority('positions:write')")
    @Operation(summary = "Add a department")
    ResponseEntity<DepartmentView> create(@RequestBody DepartmentRequest request) {
        validation.valid(request);
        if (request.code() == null) {
            throw ProblemException.invalid("A new department needs a code", new FieldProblem("code", "must not be null"));
        }
        Department created = mongo.insert(new Department(request.code(), store.storeId(), request.nameZh(), request.nameEn()));
        return ResponseEntity.created(URI.create("/api/v1/departments/" + created.getCode())).body(DepartmentView.of(created));
    }

    @PutMapping("/{code}")
    @PreAuthorize("hasAuthority('positions:write')")
    @Operation(summary = "Rename a department (version in the body or If-Match)")
    DepartmentView rename(@PathVariable String code, @RequestBody DepartmentRequest request,
                          @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        validation.valid(request);
        Department department = find(code);
        long version = Versions.required(request.version(), ifMatch);
        if (department.getVersion() != version) {
            throw ProblemException.conflict("version-conflict", "Changed by someone else",
                    "Department " + code + " is at version " + department.getVersion() + "; reload and try again");
        }
        department.rename(request.nameZh(), request.nameEn());
        return DepartmentView.of(mongo.save(department));
    }

    private Department find(String code) {
        Department department = mongo.findById(code, Department.class);
        if (department == null) {
            throw ProblemException.notFound("Department", code);
        }
        return department;
    }
}
